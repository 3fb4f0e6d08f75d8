package clf.blockchain;

import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The routes of "blockchain as an API" as one Undertow handler: every refusal, 404 and 405 too, answered as JSON. */
public final class Router {

    /** One route; a quick one answers on the IO thread that read it, a slow one waits on a worker thread. */
    public record Route(String method, String path, HttpHandler handler, boolean slow) {

        static Route quick(String method, String path, HttpHandler handler) {
            return new Route(method, path, handler, false);
        }

        static Route slow(String method, String path, HttpHandler handler) {
            return new Route(method, path, handler, true);
        }
    }

    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = routes;
    }

    /** The request body must have been read already, by {@link HttpJson#readBodyFirst}. */
    public HttpHandler handler() {
        RoutingHandler routing = Handlers.routing();
        for (Route route : routes) {
            HttpHandler handler = exchange -> answerErrorsAsJson(route.handler(), exchange);
            routing.add(route.method(), route.path(), route.slow() ? new BlockingHandler(handler) : handler);
        }
        return routing.setFallbackHandler(exchange -> answerErrorsAsJson(this::notFound, exchange))
                .setInvalidMethodHandler(exchange -> answerErrorsAsJson(this::methodNotAllowed, exchange));
    }

    /** Anything but a refusal is a bug: logged here, and never shown to the client as a trace. */
    private static void answerErrorsAsJson(HttpHandler handler, HttpServerExchange exchange) {
        try {
            handler.handleRequest(exchange);
        } catch (ApiError e) {
            HttpJson.send(exchange, e.status(), e.toJson());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "failed to answer " + exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
            if (!exchange.isResponseStarted()) {
                HttpJson.send(exchange, 500, new ApiError(500, "the node failed to answer this request",
                        "this is a bug in the node; its log has the details").toJson());
            }
        }
    }

    private void notFound(HttpServerExchange exchange) {
        throw new ApiError(404, "there is no " + exchange.getRequestPath() + " here", "the node serves "
                + String.join(", ", routes.stream().map(r -> r.method() + " " + r.path()).toList()));
    }

    private void methodNotAllowed(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        List<String> allowed = routes.stream().filter(r -> r.path().equals(path)).map(Route::method).toList();
        exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", allowed));
        throw new ApiError(405, exchange.getRequestMethod() + " is not allowed on " + path, "use "
                + String.join(" or ", allowed) + " " + path + (allowed.contains("POST") ? " (curl: -X POST)" : ""));
    }
}
