package clf.conformance;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.net.http.HttpHeaders;

/** One request the kit sent and the answer that came back, as a failure message shows them. */
public record Exchange(String method, String path, String sent, int status, HttpHeaders headers, String body) {

    /** The answer as JSON; a {@link Failure} if it is not JSON. */
    public JsonElement json() {
        try {
            return JsonParser.parseString(body);
        } catch (RuntimeException e) {
            throw new Failure("the answer is not JSON", this, "a JSON body");
        }
    }

    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    /** The request and the answer, shortened, for a report. */
    public String describe() {
        return "sent:     " + method + " " + path + (sent == null ? "" : " " + shorten(sent)) + "\n"
                + "got:      " + (status == 0 ? "no answer" : "HTTP " + status + " " + shorten(body));
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s*\n\\s*", " ");
        return oneLine.length() <= 400 ? oneLine : oneLine.substring(0, 400) + "... (" + text.length() + " characters)";
    }
}
