package org.eforum.notification.mail;

/**
 * Makes user-supplied text safe for one line of a header (and for single-line fields in a body): control
 * characters, line and paragraph separators and bidirectional controls become spaces, so a name can never
 * start a new header or disguise itself.
 */
public final class HeaderText {

    private HeaderText() {
    }

    public static String singleLine(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> out.appendCodePoint(isUnsafe(cp) ? ' ' : cp));
        return out.toString().replaceAll("\\s+", " ").trim();
    }

    private static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE
                || (cp >= 0x202A && cp <= 0x202E) // bidirectional embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069); // bidirectional isolates
    }
}
