package org.scriptorium.platform.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.scriptorium.platform.config.Settings;

/**
 * The driver-level data source behind the application's connection pool. It reads the database URL and
 * credentials from {@link Settings} (not from the pool's own properties) so that one WAR switches between
 * the embedded H2 file and PostgreSQL by the URL alone: a {@code jdbc:postgresql:} URL selects PostgreSQL's
 * driver, anything else H2's.
 */
public class ConfiguredDataSource implements DataSource {

    private volatile DataSource delegate;
    private int loginTimeoutSeconds = 10;

    /** Builds the driver data source for the given settings. */
    public static DataSource forSettings(Settings settings) {
        return forUrl(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    }

    /** Builds the driver data source for a URL and credentials. */
    public static DataSource forUrl(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(url);
            if (!user.isEmpty()) {
                pg.setUser(user);
            }
            pg.setPassword(password);
            pg.setConnectTimeout(10);
            pg.setLoginTimeout(10);
            return pg;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(user);
        h2.setPassword(password);
        return h2;
    }

    private DataSource delegate() {
        DataSource d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = forSettings(Settings.load());
                    delegate = d;
                }
            }
        }
        return d;
    }

    /** Ignored: the URL comes from the configuration; the pool may still call it. */
    public void setUrl(String ignored) {
        // The pool passes the placeholder from the data source definition; the real URL is in Settings.
    }

    /** Ignored, as {@link #setUrl(String)}. */
    public void setURL(String ignored) {
        // See setUrl.
    }

    /** Ignored, as {@link #setUrl(String)}. */
    public void setUser(String ignored) {
        // See setUrl.
    }

    /** Ignored, as {@link #setUrl(String)}. */
    public void setPassword(String ignored) {
        // See setUrl.
    }

    @Override
    public Connection getConnection() throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return delegate().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // No driver-level log writer.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper for " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
