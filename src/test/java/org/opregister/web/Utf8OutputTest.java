package org.opregister.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class Utf8OutputTest {

    /**
     * The same bytes as Java's own UTF-8 encoder over random text of one- to four-byte characters, lone surrogates
     * (written {@code ?}) each piece encoded on its own, in pieces long enough to cross the buffer's edge.
     */
    @Test
    void encodesAsJavasUtf8Encoder() {
        Random random = new Random(41);
        String alphabet = "a;\"\r\n\u007f\u0080\u00e9\u07ff\u0800\u20ac\ud7ff\ue000\uffff\ud83d\ude00\ud800\udfff\udbff\udc00";
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            Utf8Output output = new Utf8Output(ours);
            for (int piece = 0; piece < 3; piece++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(round % 10 == 0 ? 70_000 : 50);
                for (int c = 0; c < length; c++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                output.write(text);
                expected.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            output.flush();
            assertArrayEquals(expected.toByteArray(), ours.toByteArray());
        }
    }
}
