package app.rapport.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import app.rapport.standalone.database.EmbeddedPostgresServer;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start, before anything else is started, when the HTTP port is taken or another app
 * holds the data directory or it was made by another PostgreSQL: the person learns it in one line
 * at once instead of after the context came halfway up. The same refusals stand where the port is
 * bound and the directory taken; these only make them early.
 * <p>
 * Then it starts the embedded PostgreSQL on a thread of its own, while the context is built, for
 * the context's database bean to take ({@link EmbeddedPostgresServer#startInBackground}); if the
 * start fails before the bean took it, the server is stopped again.
 */
class StartChecks implements ApplicationListener<SpringApplicationEvent> {

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            checkAndStartAhead(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
            EmbeddedPostgresServer.stopUntaken();
        }
    }

    private static void checkAndStartAhead(ConfigurableEnvironment environment) {
        checkPort(environment);
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        // bound as the database bean binds them, so both name the same directory and port
        StandaloneProperties properties = Binder.get(environment).bindOrCreate("rapport", StandaloneProperties.class);
        try {
            EmbeddedPostgresServer.checkCanStart(properties.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgresServer.startInBackground(properties.dataDir(), properties.embeddedPort());
    }

    private static void checkPort(ConfigurableEnvironment environment) {
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port <= 0) {
            return;
        }
        String address = environment.getProperty("server.address");
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(StringUtils.hasText(address) ? InetAddress.getByName(address) : null, port));
        } catch (BindException taken) {
            throw new StartRefused("Port " + port + (StringUtils.hasText(address) ? " on " + address : "")
                    + " is in use by another program: stop it, or start Rapport on another port (PORT=8081 or "
                    + "--server.port=8081)");
        } catch (IOException unusual) {
            // not a port conflict (an address this machine does not have, say): the web server says what it is
        }
    }
}
