package org.eforum.notification.mail;

import java.util.Arrays;

/**
 * A file sent along with a mail's bodies.
 *
 * @param fileName    the name a mail client offers when saving it
 * @param contentType its full MIME type, with parameters (e.g. {@code text/calendar; method=PUBLISH; charset=UTF-8})
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that && fileName.equals(that.fileName)
                && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * fileName.hashCode() + contentType.hashCode()) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
