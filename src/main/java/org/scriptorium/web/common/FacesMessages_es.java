package org.scriptorium.web.common;

/** {@link FacesMessages} in Spanish, found by {@link java.util.ResourceBundle} by its name. */
public class FacesMessages_es extends FacesMessages {

    public FacesMessages_es() {
        super("es");
    }
}
