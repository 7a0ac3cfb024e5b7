package app.rapport.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import app.rapport.standalone.database.EmbeddedPostgresServer;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start, before anything else is started, when the HTTP port is taken or another app
 * holds the data directory or it was made by another PostgreSQL: the person learns it in one line
 * at once instead of after the context came halfway up. The same refusals stand where the port is
 * bound and the directory taken; these only make them early.
 */
class StartChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        checkPort(environment);
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            try {
                EmbeddedPostgresServer.checkCanStart(Path.of(environment.getProperty("rapport.data-dir", "./data")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
