package org.scriptorium.web.backoffice;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.scriptorium.mail.application.Mailer;
import org.scriptorium.mail.application.Outbox;
import org.scriptorium.mail.domain.OutboxEntry;

/**
 * {@code /backoffice/mail}: the messages the site wrote into its file outbox (the embedded default, with no
 * SMTP host), newest first, and the raw text of one of them ({@code ?file=}).
 */
@Named
@RequestScoped
public class MailOutboxPage {

    static final int SHOWN = 200;

    @Inject
    private Outbox outbox;

    @Inject
    private Mailer mailer;

    private String file;
    private List<OutboxEntry> entries;

    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    public List<OutboxEntry> getEntries() {
        if (entries == null) {
            entries = outbox.latest(SHOWN);
        }
        return entries;
    }

    public long getCount() {
        return outbox.count();
    }

    public boolean isUsingOutbox() {
        return mailer.usesOutbox();
    }

    /** The raw message chosen by {@code ?file=}, if it exists. */
    public Optional<String> getMessage() {
        return outbox.read(file);
    }

    public String getMessageText() {
        return getMessage().orElse("");
    }

    public boolean isShowingMessage() {
        return getMessage().isPresent();
    }
}
