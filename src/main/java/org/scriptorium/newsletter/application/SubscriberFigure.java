package org.scriptorium.newsletter.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.newsletter.domain.SubscriberStatus;
import org.scriptorium.platform.dashboard.DashboardFigure;

/** The number of confirmed newsletter subscribers, on the back-office dashboard. */
@ApplicationScoped
public class SubscriberFigure implements DashboardFigure {

    @Inject
    private SubscriberAdmin admin;

    @Override
    public String labelKey() {
        return "dashboard.subscribers";
    }

    @Override
    public long value() {
        return admin.countByStatus().get(SubscriberStatus.CONFIRMED);
    }

    @Override
    public String link() {
        return "/backoffice/newsletter";
    }

    @Override
    public int order() {
        return 60;
    }
}
