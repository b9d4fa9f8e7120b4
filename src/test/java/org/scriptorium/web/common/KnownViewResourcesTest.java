package org.scriptorium.web.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import jakarta.faces.application.Resource;
import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;

import org.junit.jupiter.api.Test;

/** Facelets files are looked up once per plain name; missing files and odd spellings are asked every time. */
class KnownViewResourcesTest {

    /** A resource handler that knows two files and records every lookup. */
    private static final class Files extends ResourceHandler {
        final List<String> asked = new ArrayList<>();

        @Override
        public ViewResource createViewResource(FacesContext context, String name) {
            asked.add(name);
            if (!name.endsWith("layout.xhtml")) {
                return null;
            }
            return new ViewResource() {
                @Override
                public URL getURL() {
                    return null;
                }
            };
        }

        @Override
        public Resource createResource(String resourceName) {
            return null;
        }

        @Override
        public Resource createResource(String resourceName, String libraryName) {
            return null;
        }

        @Override
        public Resource createResource(String resourceName, String libraryName, String contentType) {
            return null;
        }

        @Override
        public void handleResourceRequest(FacesContext context) {
        }

        @Override
        public boolean isResourceRequest(FacesContext context) {
            return false;
        }

        @Override
        public boolean libraryExists(String libraryName) {
            return false;
        }

        @Override
        public String getRendererTypeForResourceName(String resourceName) {
            return null;
        }
    }

    @Test
    void aFileFoundOnceIsNotLookedUpAgain() {
        Files files = new Files();
        KnownViewResources handler = new KnownViewResources(files);
        ViewResource first = handler.createViewResource(null, "/themes/magazine/templates/layout.xhtml");
        ViewResource second = handler.createViewResource(null, "/themes/magazine/templates/layout.xhtml");
        assertThat(first).isNotNull().isSameAs(second);
        assertThat(files.asked).hasSize(1);
    }

    @Test
    void missingFilesAndUnusualSpellingsAreAskedEveryTime() {
        Files files = new Files();
        KnownViewResources handler = new KnownViewResources(files);
        for (int i = 0; i < 2; i++) {
            assertThat(handler.createViewResource(null, "/themes/magazine/templates/nothing.xhtml")).isNull();
            assertThat(handler.createViewResource(null, "/themes/magazine/./templates/layout.xhtml")).isNotNull();
            assertThat(handler.createViewResource(null, "/themes//magazine/templates/layout.xhtml")).isNotNull();
        }
        assertThat(files.asked).hasSize(6);
    }
}
