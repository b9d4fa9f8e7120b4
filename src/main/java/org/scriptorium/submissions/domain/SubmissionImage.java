package org.scriptorium.submissions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A picture sent with a submission, kept in quarantine (outside the public media folder) until accepted. */
@Entity
@Table(name = "submission_image")
public class SubmissionImage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "submission_id")
    private Submission submission;

    @Column(nullable = false)
    private int position;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 50)
    private String contentType;

    @Column(name = "original_name", nullable = false, length = 300)
    private String originalName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    protected SubmissionImage() {
    }

    SubmissionImage(Submission submission, int position, String fileName, String contentType, String originalName,
                    long sizeBytes) {
        this.submission = submission;
        this.position = position;
        this.fileName = fileName;
        this.contentType = contentType;
        this.originalName = originalName;
        this.sizeBytes = sizeBytes;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    /** The name of the file in the submission's quarantine folder. */
    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public String getOriginalName() {
        return originalName;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }
}
