package org.scriptorium.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Turns on Faces 4 with CDI-managed beans and EL resolution. */
@FacesConfig
@ApplicationScoped
public class FacesActivation {
}
