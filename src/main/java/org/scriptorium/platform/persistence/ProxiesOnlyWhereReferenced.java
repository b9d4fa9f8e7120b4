package org.scriptorium.platform.persistence;

import java.util.HashSet;
import java.util.Set;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Collection;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.ToOne;
import org.hibernate.mapping.Value;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Keeps Hibernate's lazy proxies to the entities that an association points to, and turns them off for the
 * rest. Hibernate otherwise generates a proxy class with Byte Buddy for every entity when it boots, about half a
 * second of a start, on the thread the first page waits for, though our aggregates refer to each other by id and
 * only a handful of entities are ever the target of a to-one association. An entity without a proxy is still
 * found by {@code find} and {@code getReference} (the latter then loads it at once).
 *
 * <p>Hibernate runs integrators from the session factory's constructor, before it builds the entity persisters
 * and their proxy factories, so the change below is seen by them; found through
 * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}.
 */
public class ProxiesOnlyWhereReferenced implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        Set<String> referenced = new HashSet<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.getIdentifierProperty() != null) {
                collect(entity.getIdentifierProperty().getValue(), referenced);
            }
            for (Property p : entity.getPropertyClosure()) {
                collect(p.getValue(), referenced);
            }
        }
        for (PersistentClass entity : metadata.getEntityBindings()) {
            if (entity.isLazy() && !referenced.contains(entity.getEntityName())) {
                entity.setLazy(false);
            }
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // Nothing was registered.
    }

    private static void collect(Value value, Set<String> referenced) {
        if (value instanceof ToOne toOne) {
            referenced.add(toOne.getReferencedEntityName());
        } else if (value instanceof Component component) {
            for (Property p : component.getProperties()) {
                collect(p.getValue(), referenced);
            }
        } else if (value instanceof Collection collection) {
            collect(collection.getElement(), referenced);
        }
    }
}
