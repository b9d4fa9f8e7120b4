package org.scriptorium.web.common;

/** {@link FacesMessages} in French, found by {@link java.util.ResourceBundle} by its name. */
public class FacesMessages_fr extends FacesMessages {

    public FacesMessages_fr() {
        super("fr");
    }
}
