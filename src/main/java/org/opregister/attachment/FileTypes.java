package org.opregister.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which files are accepted (control-test evidence, attachments of incidents and action plans), judged by their content
 * and not only their name: the bytes must be of the
 * type the file name claims, and that type must be allowed. Executables, scripts and HTML are refused whatever
 * they are called.
 */
public final class FileTypes {

    /** Media type per file-name extension. */
    public static final Map<String, String> MEDIA_TYPES = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "csv", "text/csv",
            "txt", "text/plain");

    private FileTypes() {
    }

    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The media type of an acceptable file, or null when its content is not what an allowed name promises. */
    public static String check(String fileName, byte[] data, Set<String> allowed) {
        String extension = extension(fileName);
        if (!allowed.contains(extension) || !MEDIA_TYPES.containsKey(extension) || data.length == 0
                || executable(data)) {
            return null;
        }
        boolean matches = switch (extension) {
            case "pdf" -> startsWith(data, "%PDF-".getBytes(StandardCharsets.US_ASCII));
            case "png" -> startsWith(data, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            case "jpg", "jpeg" -> startsWith(data, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "docx", "xlsx", "pptx" ->
                startsWith(data, new byte[]{'P', 'K', 3, 4}) && contains(data, "[Content_Types].xml");
            case "csv", "txt" -> plainText(data);
            default -> false;
        };
        return matches ? MEDIA_TYPES.get(extension) : null;
    }

    private static boolean executable(byte[] data) {
        return startsWith(data, new byte[]{'M', 'Z'}) || startsWith(data, new byte[]{0x7F, 'E', 'L', 'F'})
                || startsWith(data, new byte[]{'#', '!'})
                || startsWith(data, new byte[]{(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
    }

    /** UTF-8 text without NUL bytes that a browser would not take for HTML or SVG. */
    private static boolean plainText(byte[] data) {
        for (byte b : data) {
            if (b == 0) {
                return false;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        String head = text.substring(0, Math.min(text.length(), 2048)).toLowerCase(Locale.ROOT);
        return !(head.contains("<html") || head.contains("<!doctype") || head.contains("<script")
                || head.contains("<svg")
                || head.contains("<body") || head.contains("<iframe"));
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
    }

    private static boolean contains(byte[] data, String marker) {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        int limit = Math.min(data.length, 64 * 1024) - needle.length;
        outer : for (int i = 0; i <= limit; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
