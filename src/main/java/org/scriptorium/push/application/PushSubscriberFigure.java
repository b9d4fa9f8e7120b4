package org.scriptorium.push.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.scriptorium.platform.dashboard.DashboardFigure;

/** The number of push subscribers, on the back-office dashboard. */
@ApplicationScoped
public class PushSubscriberFigure implements DashboardFigure {

    @Inject
    private PushSubscriptions subscriptions;

    @Override
    public String labelKey() {
        return "push.figure.subscribers";
    }

    @Override
    public long value() {
        return subscriptions.count();
    }

    @Override
    public String link() {
        return "/backoffice/push";
    }

    @Override
    public int order() {
        return 60;
    }
}
