package org.scriptorium.web.common;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.scriptorium.cache.application.PageCache;
import org.scriptorium.themes.application.ThemeRegistry;
import org.scriptorium.themes.domain.ThemeDescriptor;

/**
 * Answers cache hits before the container's own per-request work: a valve placed first in the pipeline of
 * the virtual server that hosts this web module, so that it runs before the request listeners, before the
 * authenticator valve and before the filters.
 *
 * <p>Why: every request to the application passes the request listeners (Weld's, Faces'), Jakarta Security's
 * authentication module and the authorization check before any filter, even for public pages. On Payara
 * the authentication module alone costs more than sending a cached page (Soteria looks the bean manager up in
 * JNDI twice per request, and each lookup builds an exception with its stack trace). An anonymous reader of a
 * public page gains nothing from any of it: {@link PageDelivery} would answer the same cached bytes.
 *
 * <p>What it answers: exactly the hits {@link PageDelivery} would answer, decided by the same methods, for
 * requests mapped to this web module, and only while the active theme is known without reading the settings
 * (the database is not set up for a request this early; a request that finds it stale goes on, and the filter
 * reads it). Everything else (a miss, a session, a personal cookie, the back office, a non-GET) goes on through
 * the pipeline unchanged, and {@link PageDelivery} renders and stores it. {@link PageCacheMetrics} counts the
 * hits each of them answers.
 *
 * <p>How: Payara's valve interface ({@code org.glassfish.web.valve.GlassFishValve}) is not an API the WAR can
 * compile against, and a valve named in {@code glassfish-web.xml} is appended after the authenticator. So
 * at start this listener builds the valve as a dynamic proxy of that interface and puts it at the head of
 * the virtual server's pipeline by reflection; it takes it out again when the module stops. Failure policy:
 * when any of that is not found (another server, a Payara whose internals changed), it logs one warning and
 * installs nothing; the filter then answers every hit, only slower. The key {@code scriptorium.cache.front=false}
 * turns it off.
 */
@WebListener
public class CacheFront implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(CacheFront.class.getName());
    private static final String VALVE = "org.glassfish.web.valve.GlassFishValve";
    private static final int INVOKE_NEXT = 1;
    private static final int END_PIPELINE = 2;

    @Inject
    private PageCache cache;

    @Inject
    private ThemeRegistry themes;

    @Inject
    private PageCacheMetrics metrics;

    private volatile Installed installed;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!cache.settings().front()) {
            LOG.info("Cache front turned off (scriptorium.cache.front=false): the filter answers every cache hit");
            return;
        }
        try {
            install(event.getServletContext());
            LOG.info("Cache front installed: cached pages are answered ahead of the container's per-request work");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cache front not installed; the filter answers every cache hit: " + e, e);
        }
    }

    /**
     * Answers the request from the cache when {@link PageDelivery} would; true when it did.
     */
    boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            return false;
        }
        String path = PageDelivery.pathOf(request);
        if (!PageDelivery.isPublic(path) || !PageDelivery.mayUseCache(cache, request)) {
            return false;
        }
        Optional<ThemeDescriptor> theme = themes.activeIfRecent();
        if (theme.isPresent() && PageDelivery.answerFromCache(cache,
                PageDelivery.keyOf(request, path, theme.get().id()), request, response, head)) {
            metrics.frontHit();
            return true;
        }
        return false;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Installed done = installed;
        installed = null;
        if (done != null) {
            try {
                done.remove();
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.WARNING, "Cache front could not be removed from the pipeline: " + e, e);
            }
        }
    }

    /**
     * Puts the valve first in the virtual server's pipeline, where it runs before the container fires the
     * request listeners (Weld's, Faces') for the web module; it answers only requests mapped to this module.
     */
    private void install(ServletContext servletContext) throws ReflectiveOperationException {
        Object applicationContext = fieldOfType(servletContext, "org.apache.catalina.core.ApplicationContext");
        Object module = applicationContext.getClass().getMethod("getStandardContext").invoke(applicationContext);
        Object host = module.getClass().getMethod("getParent").invoke(module);
        Object pipeline = host.getClass().getMethod("getPipeline").invoke(host);
        ClassLoader serverLoader = pipeline.getClass().getClassLoader();
        Class<?> valveType = Class.forName(VALVE, false, serverLoader);
        Class<?> requestType = Class.forName("org.apache.catalina.Request", false, serverLoader);
        Handler handler = new Handler(this, module, requestType.getMethod("getContext"),
                requestType.getMethod("getRequest"),
                Class.forName("org.apache.catalina.Response", false, serverLoader).getMethod("getResponse"));
        Object valve = Proxy.newProxyInstance(valveType.getClassLoader(), new Class<?>[] {valveType}, handler);
        Installed done = new Installed(pipeline, field(pipeline.getClass(), "valves"), valve);
        done.add();
        installed = done;
    }

    /** The valve in its pipeline, whose array of valves is replaced whole, as the pipeline itself does. */
    private record Installed(Object pipeline, Field valves, Object valve) {

        void add() throws IllegalAccessException {
            valves.setAccessible(true);
            synchronized (pipeline) {
                Object[] current = (Object[]) valves.get(pipeline);
                Object[] first = (Object[]) Array.newInstance(current.getClass().getComponentType(), current.length + 1);
                first[0] = valve;
                System.arraycopy(current, 0, first, 1, current.length);
                valves.set(pipeline, first);
            }
        }

        void remove() throws IllegalAccessException {
            synchronized (pipeline) {
                Object[] current = (Object[]) valves.get(pipeline);
                Object[] rest = Arrays.stream(current).filter(v -> v != valve)
                        .toArray(n -> (Object[]) Array.newInstance(current.getClass().getComponentType(), n));
                valves.set(pipeline, rest);
            }
        }
    }

    private static Object fieldOfType(Object owner, String typeName) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType().getName().equals(typeName)) {
                    f.setAccessible(true);
                    return f.get(owner);
                }
            }
        }
        throw new NoSuchFieldException(typeName + " in " + owner.getClass().getName());
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
        }
        throw new NoSuchFieldException(name + " in " + type.getName());
    }

    /**
     * The valve: {@code invoke} answers a hit for this web module and ends the pipeline, or lets the request
     * go on.
     */
    private record Handler(CacheFront front, Object module, Method getContext, Method getRequest,
                           Method getResponse) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "invoke":
                    return unwrap(getContext, args[0]) == module
                            && front.answer((HttpServletRequest) unwrap(getRequest, args[0]),
                            (HttpServletResponse) unwrap(getResponse, args[1])) ? END_PIPELINE : INVOKE_NEXT;
                case "postInvoke":
                    return null;
                case "getInfo":
                case "toString":
                    return CacheFront.class.getName();
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    throw new UnsupportedOperationException(method.getName());
            }
        }

        private static Object unwrap(Method accessor, Object target) throws Throwable {
            try {
                return accessor.invoke(target);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
