package org.eforum.registration.page;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eforum.contracts.event.StakeholderType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The choices of the form's selects, labelled in the page's language. */
@Component
public class FormOptions {

    /** One {@code <option>}; {@code lang} is set when the label is in another language than the page. */
    public record Option(String value, String label, String lang) {
    }

    private static final String HOME_COUNTRY = "BG";

    private final MessageSource messages;
    private final Map<String, List<Option>> countriesByLanguage = new ConcurrentHashMap<>();

    FormOptions(MessageSource messages) {
        this.messages = messages;
    }

    List<Option> stakeholderTypes(Locale locale) {
        return Arrays.stream(StakeholderType.values())
                .map(type -> new Option(type.name(), messages.getMessage("stakeholderType." + type.name(), null, locale), null))
                .toList();
    }

    /** Every code the API accepts, Bulgaria first, the rest in the page language's alphabetical order. */
    public List<Option> countries(Locale locale) {
        return countriesByLanguage.computeIfAbsent(locale.getLanguage(), language -> {
            Collator collator = Collator.getInstance(locale);
            List<Option> others = new ArrayList<>();
            for (String code : Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)) {
                if (!code.equals(HOME_COUNTRY)) {
                    others.add(country(code, locale));
                }
            }
            others.sort(Comparator.comparing(Option::label, collator));
            List<Option> all = new ArrayList<>(others.size() + 1);
            all.add(country(HOME_COUNTRY, locale));
            all.addAll(others);
            return List.copyOf(all);
        });
    }

    /** Each language named in itself, as language switches do. */
    public List<Option> languages(Locale locale) {
        return List.of(language("bg", "Български", locale), language("en", "English", locale));
    }

    private static Option country(String code, Locale locale) {
        return new Option(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(locale), null);
    }

    private static Option language(String code, String name, Locale locale) {
        return new Option(code, name, code.equals(locale.getLanguage()) ? null : code);
    }
}
