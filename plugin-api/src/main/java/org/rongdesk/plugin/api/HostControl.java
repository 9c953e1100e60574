package org.rongdesk.plugin.api;

/**
 * A request to the client's display, for administrators steering kiosks. The client shows it if
 * it can (the Swing client does; the bridge reports it as an event) and ignores it otherwise.
 *
 * @param action what to do: {@value #BANNER}, {@value #THEME}, {@value #FONT_SCALE} or {@value #RELOAD_ROOM}
 * @param value  its argument: the banner text, the theme name, the scale in percent, or ""
 */
public record HostControl(String action, String value) {
    /** Show a banner notice (screen readers announce it); an empty text removes it. */
    public static final String BANNER = "banner";
    /** Switch theme: {@code light}, {@code dark} or {@code high-contrast}. */
    public static final String THEME = "theme";
    /** Change the font scale, 100 to 300 (percent). */
    public static final String FONT_SCALE = "fontScale";
    /** Leave and rejoin the kiosk's chat room. */
    public static final String RELOAD_ROOM = "reloadRoom";

    public static HostControl banner(String text) {
        return new HostControl(BANNER, text);
    }

    public static HostControl theme(String name) {
        return new HostControl(THEME, name);
    }

    public static HostControl fontScale(int percent) {
        return new HostControl(FONT_SCALE, Integer.toString(percent));
    }

    public static HostControl reloadRoom() {
        return new HostControl(RELOAD_ROOM, "");
    }
}
