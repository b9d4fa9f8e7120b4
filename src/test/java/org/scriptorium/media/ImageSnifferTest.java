package org.scriptorium.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.scriptorium.media.application.ImageSniffer;
import org.scriptorium.media.domain.ImageType;

/** The type of an upload comes from its bytes; markup, SVG and polyglots are refused. */
public class ImageSnifferTest {

    public static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            img.setRGB(x, x % height, 0x336699);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void realImagesAreRecognisedWithTheirSize() throws IOException {
        assertThat(ImageSniffer.sniff(image("png", 40, 30))).hasValueSatisfying(s -> {
            assertThat(s.type()).isEqualTo(ImageType.PNG);
            assertThat(s.width()).isEqualTo(40);
            assertThat(s.height()).isEqualTo(30);
        });
        assertThat(ImageSniffer.sniff(image("jpg", 20, 10))).hasValueSatisfying(s -> assertThat(s.type()).isEqualTo(ImageType.JPEG));
        assertThat(ImageSniffer.sniff(image("gif", 20, 10))).hasValueSatisfying(s -> assertThat(s.type()).isEqualTo(ImageType.GIF));
    }

    @Test
    void anHtmlFileRenamedJpgIsRefused() {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ImageSniffer.magic(html)).isEmpty();
        assertThat(ImageSniffer.sniff(html)).isEmpty();
    }

    @Test
    void svgIsRefusedEvenWithAnXmlPrologue() {
        byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ImageSniffer.sniff(svg)).isEmpty();
    }

    @Test
    void aGifHeaderFollowedByHtmlIsRefused() {
        byte[] polyglot = "GIF89a/*<html><script>alert(1)</script>*/".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ImageSniffer.magic(polyglot)).contains(ImageType.GIF);
        assertThat(ImageSniffer.sniff(polyglot)).isEmpty();
    }

    @Test
    void aValidImageCarryingAScriptNearItsStartIsRefused() throws IOException {
        byte[] png = image("png", 8, 8);
        // A PNG with a comment chunk right after the header: decodable, but a sniffer could take it for HTML.
        byte[] head = Arrays.copyOf(png, 33);
        byte[] tail = Arrays.copyOfRange(png, 33, png.length);
        byte[] text = "tEXtComment\0<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunk = new byte[4 + text.length + 4];
        chunk[3] = (byte) (text.length - 4);
        System.arraycopy(text, 0, chunk, 4, text.length);
        byte[] polyglot = concat(concat(head, chunk), tail);
        assertThat(ImageSniffer.magic(polyglot)).contains(ImageType.PNG);
        assertThat(ImageSniffer.containsMarkup(polyglot)).isTrue();
        assertThat(ImageSniffer.sniff(polyglot)).isEmpty();
    }

    @Test
    void aTruncatedImageIsRefused() throws IOException {
        byte[] png = image("png", 50, 50);
        assertThat(ImageSniffer.sniff(Arrays.copyOf(png, 20))).isEmpty();
    }

    @Test
    void magicBytesOfWebpAreRecognised() {
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ImageSniffer.magic(webp)).contains(ImageType.WEBP);
        assertThat(ImageSniffer.sniff(new byte[0])).isEmpty();
    }
}
