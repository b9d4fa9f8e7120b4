package org.scriptorium.web.common;

/** {@link FacesMessages} in Italian, found by {@link java.util.ResourceBundle} by its name. */
public class FacesMessages_it extends FacesMessages {

    public FacesMessages_it() {
        super("it");
    }
}
