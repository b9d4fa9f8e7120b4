package org.scriptorium.web.common;

/** {@link FacesMessages} in German, found by {@link java.util.ResourceBundle} by its name. */
public class FacesMessages_de extends FacesMessages {

    public FacesMessages_de() {
        super("de");
    }
}
