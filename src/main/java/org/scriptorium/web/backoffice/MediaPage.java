package org.scriptorium.web.backoffice;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.Part;

import org.scriptorium.i18n.application.LanguageService;
import org.scriptorium.i18n.domain.SiteLanguage;
import org.scriptorium.media.application.MediaException;
import org.scriptorium.media.application.MediaService;
import org.scriptorium.media.domain.MediaItem;
import org.scriptorium.media.domain.MediaUsage;
import org.scriptorium.web.common.Texts;

/**
 * The media library at {@code /backoffice/media}: upload an image, see the library with where each image is
 * used, and at {@code ?id=} describe one image per language or delete it (refused while it is used).
 * Administrators also set the upload limit here.
 */
@Named
@ViewScoped
public class MediaPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 40;

    @Inject
    private transient MediaService media;

    @Inject
    private transient LanguageService languages;

    @Inject
    private transient SecurityContext security;

    @Inject
    private transient Texts texts;

    private transient Part file;
    private Long selectedId;
    private final Map<String, String> alts = new LinkedHashMap<>();
    private Long maxKilobytes;
    private boolean loaded;

    /** One image as the list shows it. */
    public record Row(long id, String url, String thumbnail, String originalName, String contentType, int width,
                      int height, long kilobytes, List<String> variants, List<MediaUsage> usages) {
    }

    public void load() throws IOException {
        if (loaded) {
            return;
        }
        loaded = true;
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        String id = external.getRequestParameterMap().get("id");
        maxKilobytes = media.maxBytes() / 1024;
        if (id != null && !id.isBlank()) {
            try {
                Optional<MediaItem> item = media.find(Long.parseLong(id.strip()));
                if (item.isEmpty()) {
                    external.responseSendError(404, null);
                    FacesContext.getCurrentInstance().responseComplete();
                    return;
                }
                selectedId = item.get().getId();
                for (SiteLanguage l : languages.enabled()) {
                    alts.put(l.getCode(), item.get().alt(l.getCode()).orElse(""));
                }
            } catch (NumberFormatException e) {
                external.responseSendError(404, null);
                FacesContext.getCurrentInstance().responseComplete();
            }
        }
    }

    public String upload() {
        if (file == null || file.getSize() == 0) {
            error("upload:file", texts.get("media.error.empty"));
            return null;
        }
        try {
            MediaItem item = media.upload(caller(), submittedName(file), file.getInputStream());
            return "/backoffice/media.xhtml?faces-redirect=true&id=" + item.getId() + "&done=uploaded";
        } catch (MediaException e) {
            error("upload:file", message(e));
            return null;
        } catch (IOException e) {
            error("upload:file", texts.get("media.error.notImage"));
            return null;
        }
    }

    public String describe() {
        media.describe(caller(), selectedId, alts);
        return "/backoffice/media.xhtml?faces-redirect=true&id=" + selectedId + "&done=described";
    }

    public String delete() {
        try {
            media.delete(caller(), selectedId);
            return "/backoffice/media.xhtml?faces-redirect=true&done=deleted";
        } catch (MediaException e) {
            error(null, message(e));
            return null;
        }
    }

    public String saveLimit() {
        if (maxKilobytes == null || maxKilobytes < 1 || maxKilobytes > 1024 * 1024) {
            error("limit:maxKilobytes", texts.get("media.error.limit"));
            return null;
        }
        media.changeMaxBytes(caller(), maxKilobytes * 1024);
        return "/backoffice/media.xhtml?faces-redirect=true&done=limit";
    }

    private String message(MediaException e) {
        return switch (e.reason()) {
            case NOT_AN_IMAGE -> texts.get("media.error.notImage");
            case TOO_LARGE -> texts.format("media.error.tooLarge", media.maxBytes() / 1024);
            case EMPTY -> texts.get("media.error.empty");
            case IN_USE -> texts.format("media.error.inUse", e.usages().size());
            case NOT_FOUND -> texts.get("media.error.notFound");
        };
    }

    static String submittedName(Part part) {
        String name = part.getSubmittedFileName();
        if (name == null) {
            return "image";
        }
        name = name.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static void error(String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<Row> getRows() {
        return media.list(1, PAGE_SIZE).stream().map(this::row).toList();
    }

    public Row getSelected() {
        return selectedId == null ? null : media.find(selectedId).map(this::row).orElse(null);
    }

    private Row row(MediaItem m) {
        List<String> variants = new ArrayList<>();
        m.getVariants().forEach(v -> variants.add(v.getKey() + "w"));
        String url = "/media/" + m.getFileName();
        String thumbnail = m.getVariants().isEmpty() ? url : "/media/" + m.getVariants().get(0).getValue();
        return new Row(m.getId(), url, thumbnail, m.getOriginalName(), m.getContentType(), m.getWidth(), m.getHeight(),
                Math.max(1, m.getSizeBytes() / 1024), variants, media.usages(m.getId()));
    }

    public boolean isAdmin() {
        return security.isCallerInRole("ADMIN");
    }

    public String languageName(String code) {
        return languages.enabled().stream().filter(l -> l.getCode().equals(code)).map(SiteLanguage::getNativeName)
                .findFirst().orElse(code);
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public Map<String, String> getAlts() {
        return alts;
    }

    public List<String> getAltLanguages() {
        return new ArrayList<>(alts.keySet());
    }

    public Long getMaxKilobytes() {
        return maxKilobytes;
    }

    public void setMaxKilobytes(Long maxKilobytes) {
        this.maxKilobytes = maxKilobytes;
    }
}
