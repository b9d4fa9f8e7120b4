package org.scriptorium.web.common;

/** {@link FacesMessages} in English, found by {@link java.util.ResourceBundle} by its name. */
public class FacesMessages_en extends FacesMessages {

    public FacesMessages_en() {
        super("en");
    }
}
