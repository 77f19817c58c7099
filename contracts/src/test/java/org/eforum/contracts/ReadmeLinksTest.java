package org.eforum.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A newcomer's clone is all they have: every relative link in the README names a file of the repository. */
class ReadmeLinksTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher links = LINK.matcher(readme);
        List<String> broken = new java.util.ArrayList<>();
        while (links.find()) {
            String target = links.group(1).replaceFirst("#.*", "");
            if (target.isEmpty() || target.matches("[a-z]+:.*")) {
                continue;
            }
            Path file = ROOT.resolve(target).normalize();
            if (!file.startsWith(ROOT) || !Files.exists(file)) {
                broken.add(links.group(1));
            }
        }
        assertThat(broken).isEmpty();
        assertThat(readme).doesNotContain("../shared");
    }
}
