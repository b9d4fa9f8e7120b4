package org.scriptorium.web.common;

/** {@link FacesMessages} in Portuguese, found by {@link java.util.ResourceBundle} by its name. */
public class FacesMessages_pt extends FacesMessages {

    public FacesMessages_pt() {
        super("pt");
    }
}
