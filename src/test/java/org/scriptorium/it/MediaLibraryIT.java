package org.scriptorium.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scriptorium.testing.Browserless;
import org.scriptorium.testing.PayaraProcess;
import org.scriptorium.testing.RunningSite;

/**
 * The media library against the running WAR: an upload is recognised by its bytes, resized, served with a
 * safe type and {@code nosniff}; HTML renamed {@code .jpg} is refused with a message in the user's
 * language, and so is an image beyond the upload limit; an image used in an article or as an author's photo cannot
 * be deleted, an unused one can.
 */
class MediaLibraryIT {

    private static PayaraProcess site;

    @BeforeAll
    static void start() {
        site = RunningSite.get();
    }

    static Browserless loggedIn(String address) throws Exception {
        Browserless b = new Browserless(RunningSite.get().baseUrl());
        HttpResponse<String> form = b.get("/backoffice/login", "Accept-Language", "en");
        HttpResponse<String> after = b.submit(form, "login", Map.of("email", RunningSite.ADMIN_EMAIL,
                "password", RunningSite.ADMIN_PASSWORD), "submit", "X-Forwarded-For", address);
        assertThat(after.statusCode()).isEqualTo(302);
        return b;
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < width; x++) {
            img.setRGB(x, x % height, 0xff336699);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static String upload(Browserless editor, String name, String type, byte[] bytes, String lang) throws Exception {
        HttpResponse<String> page = editor.get("/backoffice/media", "Accept-Language", lang);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> r = editor.submitMultipart(page, "upload", Map.of(),
                Map.of("file", new Browserless.FilePart(name, type, bytes)), "submit", "Accept-Language", lang);
        if (r.statusCode() == 302) {
            return editor.get(r.headers().firstValue("Location").orElseThrow(), "Accept-Language", lang).body();
        }
        return r.body();
    }

    @Test
    void anUploadedImageIsServedWithItsSniffedTypeAndResizedCopies() throws Exception {
        Browserless editor = loggedIn("192.0.2.90");
        String page = upload(editor, "Wide Picture.jpg", "image/jpeg", png(2000, 100), "en");
        assertThat(page).contains("Image uploaded.");
        Matcher url = Pattern.compile("id=\"media-url\"><a href=\"(/media/wide-picture-[a-f0-9]+\\.png)\"").matcher(page);
        assertThat(url.find()).as(page).isTrue();

        Browserless reader = new Browserless(site.baseUrl());
        HttpResponse<String> original = reader.get(url.group(1));
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        assertThat(original.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        for (int width : new int[] {480, 960, 1600}) {
            HttpResponse<String> copy = reader.get(url.group(1).replace(".png", "-" + width + "w.png"));
            assertThat(copy.statusCode()).as(width + "w").isEqualTo(200);
            assertThat(copy.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/png"));
        }
    }

    @Test
    void htmlRenamedJpgIsRefusedInTheUsersLanguage() throws Exception {
        Browserless editor = loggedIn("192.0.2.91");
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        String page = upload(editor, "holiday.jpg", "image/jpeg", html, "de");
        assertThat(page).contains("Diese Datei ist kein PNG-, JPEG-, GIF- oder WebP-Bild");
        String svg = upload(editor, "logo.png", "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), "it");
        assertThat(svg).contains("Questo file non è un’immagine PNG, JPEG, GIF o WebP");
    }

    @Test
    void demoMediaStillServeSafely() throws Exception {
        HttpResponse<String> svg = new Browserless(site.baseUrl()).get("/media/cloud-costs.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(svg.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c -> assertThat(c).contains("sandbox"));
        assertThat(new Browserless(site.baseUrl()).get("/media/../WEB-INF/web.xml").statusCode()).isIn(400, 404);
        assertThat(new Browserless(site.baseUrl()).get("/media/page.html").statusCode()).isEqualTo(404);
    }

    @Test
    void anImageUsedInAnArticleCannotBeDeletedAndAnUnusedOneCan() throws Exception {
        Browserless editor = loggedIn("192.0.2.92");
        String page = upload(editor, "used.png", "image/png", png(300, 200), "en");
        Matcher m = Pattern.compile("id=\"media-url\"><a href=\"(/media/[a-z0-9-]+\\.png)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String url = m.group(1);
        String mediaPage = editor.get("/backoffice/media", "Accept-Language", "en").body();
        Matcher id = Pattern.compile("/backoffice/media\\?id=([0-9]+)\">used.png<").matcher(mediaPage);
        assertThat(id.find()).isTrue();

        HttpResponse<String> blank = editor.get("/backoffice/article?lang=en", "Accept-Language", "en");
        HttpResponse<String> saved = editor.submit(blank, "editor", Map.of("title", "Pictures at work " + System.nanoTime(),
                "body", "<p>Look</p><img src=\"" + url + "\" alt=\"a picture\">"), "save", "Accept-Language", "en");
        assertThat(saved.statusCode()).isEqualTo(302);

        HttpResponse<String> detail = editor.get("/backoffice/media?id=" + id.group(1), "Accept-Language", "en");
        assertThat(detail.body()).contains("Pictures at work");
        HttpResponse<String> refused = editor.submit(detail, "remove", Map.of(), "delete", "Accept-Language", "en");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The image is still used (in one place)");
        assertThat(new Browserless(site.baseUrl()).get(url).statusCode()).isEqualTo(200);

        String unusedPage = upload(editor, "unused.png", "image/png", png(100, 100), "en");
        Matcher unused = Pattern.compile("id=\"media-url\"><a href=\"(/media/[a-z0-9-]+\\.png)\"").matcher(unusedPage);
        assertThat(unused.find()).isTrue();
        Matcher unusedId = Pattern.compile("/backoffice/media\\?id=([0-9]+)\">unused.png<")
                .matcher(editor.get("/backoffice/media", "Accept-Language", "en").body());
        assertThat(unusedId.find()).isTrue();
        HttpResponse<String> d = editor.get("/backoffice/media?id=" + unusedId.group(1), "Accept-Language", "en");
        assertThat(d.body()).contains("Not used anywhere.");
        HttpResponse<String> deleted = editor.submit(d, "remove", Map.of(), "delete", "Accept-Language", "en");
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(new Browserless(site.baseUrl()).get(unused.group(1)).statusCode()).isEqualTo(404);
    }

    @Test
    void anImageShownAsAnAuthorPhotoCannotBeDeletedUntilThePhotoIsChanged() throws Exception {
        Browserless editor = loggedIn("192.0.2.95");
        String page = upload(editor, "portrait.png", "image/png", png(600, 600), "en");
        Matcher url = Pattern.compile("id=\"media-url\"><a href=\"/media/([a-z0-9-]+)\\.png\"").matcher(page);
        assertThat(url.find()).as(page).isTrue();
        String copy = url.group(1) + "-480w.png";
        Matcher id = Pattern.compile("/backoffice/media\\?id=([0-9]+)\">portrait.png<")
                .matcher(editor.get("/backoffice/media", "Accept-Language", "en").body());
        assertThat(id.find()).isTrue();
        Matcher author = Pattern.compile("<th scope=\"row\"><a href=\"[^\"]*author\\?id=(\\d+)\">([^<]+)</a>")
                .matcher(editor.get("/backoffice/authors", "Accept-Language", "en").body());
        assertThat(author.find()).isTrue();
        String profile = "/backoffice/author?id=" + author.group(1);

        HttpResponse<String> chosen = editor.submit(editor.get(profile, "Accept-Language", "en"), "author",
                Map.of("photo", copy), "save", "Accept-Language", "en");
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(302);
        HttpResponse<String> detail = editor.get("/backoffice/media?id=" + id.group(1), "Accept-Language", "it");
        assertThat(detail.body()).contains("<li data-kind=\"author\"><a href=\"" + profile + "\">" + author.group(2)
                + "</a> (foto dell’autore)</li>").doesNotContain("id=\"unused\"");
        HttpResponse<String> refused = editor.submit(editor.get("/backoffice/media?id=" + id.group(1), "Accept-Language", "en"),
                "remove", Map.of(), "delete", "Accept-Language", "en");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("The image is still used (in one place)");
        assertThat(new Browserless(site.baseUrl()).get("/media/" + copy).statusCode()).isEqualTo(200);

        HttpResponse<String> cleared = editor.submit(editor.get(profile, "Accept-Language", "en"), "author",
                Map.of("photo", ""), "save", "Accept-Language", "en");
        assertThat(cleared.statusCode()).isEqualTo(302);
        HttpResponse<String> unused = editor.get("/backoffice/media?id=" + id.group(1), "Accept-Language", "en");
        assertThat(unused.body()).contains("Not used anywhere.");
        assertThat(editor.submit(unused, "remove", Map.of(), "delete", "Accept-Language", "en").statusCode()).isEqualTo(302);
        assertThat(new Browserless(site.baseUrl()).get("/media/" + copy).statusCode()).isEqualTo(404);
    }

    @Test
    void theUploadLimitIsASettingAndALargerImageIsRefusedInTheUsersLanguage() throws Exception {
        Browserless editor = loggedIn("192.0.2.97");
        HttpResponse<String> page = editor.get("/backoffice/media", "Accept-Language", "en");
        Matcher current = Pattern.compile("id=\"limit:maxKilobytes\"[^>]*value=\"([0-9]+)\"").matcher(page.body());
        assertThat(current.find()).as(page.body()).isTrue();
        HttpResponse<String> bad = editor.submit(page, "limit", Map.of("maxKilobytes", "lots"), "save", "Accept-Language", "en");
        assertThat(bad.body()).contains("Enter a whole number of kilobytes, at least 1.").contains("value=\"lots\"");
        HttpResponse<String> lowered = editor.submit(editor.get("/backoffice/media", "Accept-Language", "en"), "limit",
                Map.of("maxKilobytes", "20"), "save", "Accept-Language", "en");
        assertThat(lowered.statusCode()).isEqualTo(302);
        try {
            java.util.Random random = new java.util.Random(7);
            BufferedImage noise = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 200; x++) {
                for (int y = 0; y < 200; y++) {
                    noise.setRGB(x, y, random.nextInt(0x1000000));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(noise, "png", out);
            assertThat(out.size()).isGreaterThan(20 * 1024);
            String refused = upload(editor, "noise.png", "image/png", out.toByteArray(), "de");
            assertThat(refused).contains("Die Datei ist zu groß: erlaubt sind höchstens 20 KB.");
            assertThat(upload(editor, "small.png", "image/png", png(50, 50), "en")).contains("Image uploaded.");
        } finally {
            HttpResponse<String> restored = editor.submit(editor.get("/backoffice/media", "Accept-Language", "en"), "limit",
                    Map.of("maxKilobytes", current.group(1)), "save", "Accept-Language", "en");
            assertThat(restored.statusCode()).isEqualTo(302);
        }
    }

    @Test
    void altTextsAreKeptPerLanguage() throws Exception {
        Browserless editor = loggedIn("192.0.2.93");
        upload(editor, "described.png", "image/png", png(64, 64), "en");
        Matcher id = Pattern.compile("/backoffice/media\\?id=([0-9]+)\">described.png<")
                .matcher(editor.get("/backoffice/media", "Accept-Language", "en").body());
        assertThat(id.find()).isTrue();
        HttpResponse<String> d = editor.get("/backoffice/media?id=" + id.group(1), "Accept-Language", "en");
        Matcher itField = Pattern.compile("Italiano\\s*<input[^>]*name=\"([^\"]+)\"").matcher(d.body());
        assertThat(itField.find()).as(d.body()).isTrue();
        HttpResponse<String> saved = editor.submit(d, "alts", Map.of("=" + itField.group(1), "Un quadrato <blu>"), "save",
                "Accept-Language", "en");
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(editor.get(saved.headers().firstValue("Location").orElseThrow(), "Accept-Language", "en").body())
                .contains("Alt texts saved.").contains("value=\"Un quadrato &lt;blu&gt;\"");
    }
}
