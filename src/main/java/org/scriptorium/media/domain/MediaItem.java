package org.scriptorium.media.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One image of the media library: the original file as uploaded, the narrower copies made for the themes,
 * and a text alternative per language.
 *
 * <p>Lifecycle: created when an upload passes the content checks (its type comes from its bytes, never from
 * its name); alt texts are added and changed at any time; deleted, files included, only while nothing uses
 * it. The file name is generated, unique and never reused, so a URL always means the same picture.
 */
@Entity
@Table(name = "media_item")
public class MediaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "original_name", nullable = false, length = 300)
    private String originalName;

    @Column(name = "content_type", nullable = false, length = 50)
    private String contentType;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    /** The generated copies as {@code width=file} pairs separated by commas. */
    @Column(nullable = false, length = 500)
    private String variants;

    @Column(name = "uploaded_by", nullable = false, length = 320)
    private String uploadedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "media_alt", joinColumns = @JoinColumn(name = "media_id"))
    @MapKeyColumn(name = "language", length = 10)
    @Column(name = "alt_text", length = 300, nullable = false)
    private Map<String, String> altTexts = new TreeMap<>();

    protected MediaItem() {
    }

    public MediaItem(String fileName, String originalName, ImageType type, int width, int height, long sizeBytes,
                     Map<Integer, String> variants, String uploadedBy, Instant createdAt) {
        this.fileName = fileName;
        this.originalName = originalName;
        this.contentType = type.contentType();
        this.width = width;
        this.height = height;
        this.sizeBytes = sizeBytes;
        this.variants = String.join(",", variants.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        this.uploadedBy = uploadedBy;
        this.createdAt = createdAt;
    }

    /** Sets the alt text of a language; a blank text removes it. */
    public void describe(String language, String alt) {
        if (alt == null || alt.isBlank()) {
            altTexts.remove(language);
        } else {
            altTexts.put(language, alt.strip());
        }
    }

    public Optional<String> alt(String language) {
        return Optional.ofNullable(altTexts.get(language));
    }

    public Map<String, String> getAltTexts() {
        return Collections.unmodifiableMap(altTexts);
    }

    /** The generated copies, narrowest first, as width and file name. */
    public List<Map.Entry<Integer, String>> getVariants() {
        List<Map.Entry<Integer, String>> list = new ArrayList<>();
        if (!variants.isEmpty()) {
            Arrays.stream(variants.split(",")).map(v -> v.split("=", 2))
                    .forEach(p -> list.add(Map.entry(Integer.parseInt(p[0]), p[1])));
        }
        list.sort(Map.Entry.comparingByKey());
        return list;
    }

    /** Every file that belongs to the item: the original and its copies. */
    public List<String> files() {
        List<String> files = new ArrayList<>();
        files.add(fileName);
        getVariants().forEach(v -> files.add(v.getValue()));
        return files;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getContentType() {
        return contentType;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
