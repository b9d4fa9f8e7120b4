package org.scriptorium.web.common;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;

/**
 * Lets templates read record components as properties ({@code #{article.title}}), as Jakarta EL 6 will.
 * The view models handed to themes are records; they are read-only, and so is this resolver.
 */
public class RecordELResolver extends ELResolver {

    private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

    private static RecordComponent component(Object base, Object property) {
        if (base == null || !base.getClass().isRecord() || property == null) {
            return null;
        }
        Map<String, RecordComponent> byName = COMPONENTS.computeIfAbsent(base.getClass(), type -> {
            Map<String, RecordComponent> map = new ConcurrentHashMap<>();
            for (RecordComponent c : type.getRecordComponents()) {
                map.put(c.getName(), c);
            }
            return map;
        });
        return byName.get(property.toString());
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        RecordComponent c = component(base, property);
        if (c == null) {
            return null;
        }
        try {
            c.getAccessor().setAccessible(true);
            Object value = c.getAccessor().invoke(base);
            context.setPropertyResolved(base, property);
            return value;
        } catch (ReflectiveOperationException e) {
            throw new ELException(e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        RecordComponent c = component(base, property);
        if (c == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (component(base, property) != null) {
            throw new PropertyNotWritableException(String.valueOf(property));
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (component(base, property) != null) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }
}
