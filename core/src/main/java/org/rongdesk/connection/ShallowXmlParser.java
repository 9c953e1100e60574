package org.rongdesk.connection;

import java.io.IOException;
import java.util.logging.Logger;

import javax.xml.namespace.QName;

import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.xml.XmlPullParserFactory;

/**
 * The XML parser of every Smack connection, made to drop elements nested deeper than
 * {@link #MAX_DEPTH}: Smack parses an element it has no provider for by recursion, and a peer's
 * stanza of 3,000 nested elements (21 KB, which ejabberd relays) overflowed the reader thread's
 * stack; the thread died without Smack noticing and the client stopped receiving (measured). XMPP
 * itself nests about ten levels deep; what is dropped is logged.
 */
final class ShallowXmlParser implements XmlPullParser {
    private static final Logger LOG = Logger.getLogger(ShallowXmlParser.class.getName());
    /** Deepest element kept, counting the stream element as 1. */
    static final int MAX_DEPTH = 128;

    private final XmlPullParser parser;

    private ShallowXmlParser(XmlPullParser parser) {
        this.parser = parser;
    }

    /** Makes Smack create its parsers through this class (once; later calls do nothing). */
    static synchronized void install() {
        XmlPullParserFactory factory = SmackXmlParser.getXmlPullParserFactory();
        if (!(factory instanceof Factory)) {
            SmackXmlParser.setXmlPullParserFactory(new Factory(factory));
        }
    }

    private record Factory(XmlPullParserFactory inner) implements XmlPullParserFactory {
        @Override
        public XmlPullParser newXmlPullParser(java.io.Reader reader) throws XmlPullParserException {
            return new ShallowXmlParser(inner.newXmlPullParser(reader));
        }
    }

    @Override
    public Event next() throws IOException, XmlPullParserException {
        Event event = parser.next();
        while (event == Event.START_ELEMENT && parser.getDepth() > MAX_DEPTH) {
            String name = parser.getName();
            skipElement();
            LOG.info(() -> "dropped a <" + name + "> element nested deeper than " + MAX_DEPTH + " levels");
            event = parser.next();
        }
        return event;
    }

    /** Reads past the end of the element just started, without recursion. */
    private void skipElement() throws IOException, XmlPullParserException {
        int open = 1;
        while (open > 0) {
            Event event = parser.next();
            if (event == Event.START_ELEMENT) {
                open++;
            } else if (event == Event.END_ELEMENT) {
                open--;
            } else if (event == Event.END_DOCUMENT) {
                return;
            }
        }
    }

    @Override
    public TagEvent nextTag() throws IOException, XmlPullParserException {
        while (true) {
            Event event = next();
            switch (event) {
                case START_ELEMENT:
                    return TagEvent.START_ELEMENT;
                case END_ELEMENT:
                    return TagEvent.END_ELEMENT;
                case COMMENT:
                case PROCESSING_INSTRUCTION:
                case IGNORABLE_WHITESPACE:
                    break;
                case TEXT_CHARACTERS:
                    if (parser.isWhiteSpace()) {
                        break;
                    }
                    throw new XmlPullParserException("expected a start or end tag, not text");
                default:
                    throw new XmlPullParserException("expected a start or end tag, not " + event);
            }
        }
    }

    @Override
    public String nextText() throws IOException, XmlPullParserException {
        return parser.nextText();
    }

    @Override
    public Object getProperty(String name) {
        return parser.getProperty(name);
    }

    @Override
    public String getInputEncoding() {
        return parser.getInputEncoding();
    }

    @Override
    public int getNamespaceCount() throws XmlPullParserException {
        return parser.getNamespaceCount();
    }

    @Override
    public String getNamespacePrefix(int pos) throws XmlPullParserException {
        return parser.getNamespacePrefix(pos);
    }

    @Override
    public String getNamespaceUri(int pos) throws XmlPullParserException {
        return parser.getNamespaceUri(pos);
    }

    @Override
    public String getNamespace(String prefix) {
        return parser.getNamespace(prefix);
    }

    @Override
    public String getDefaultNamespace() {
        return parser.getDefaultNamespace();
    }

    @Override
    public int getDepth() {
        return parser.getDepth();
    }

    @Override
    public String getPositionDescription() {
        return parser.getPositionDescription();
    }

    @Override
    public int getLineNumber() {
        return parser.getLineNumber();
    }

    @Override
    public int getColumnNumber() {
        return parser.getColumnNumber();
    }

    @Override
    public boolean isWhiteSpace() throws XmlPullParserException {
        return parser.isWhiteSpace();
    }

    @Override
    public String getText() {
        return parser.getText();
    }

    @Override
    public String getNamespace() {
        return parser.getNamespace();
    }

    @Override
    public String getName() {
        return parser.getName();
    }

    @Override
    public QName getQName() {
        return parser.getQName();
    }

    @Override
    public String getPrefix() {
        return parser.getPrefix();
    }

    @Override
    public int getAttributeCount() {
        return parser.getAttributeCount();
    }

    @Override
    public String getAttributeNamespace(int index) {
        return parser.getAttributeNamespace(index);
    }

    @Override
    public String getAttributeName(int index) {
        return parser.getAttributeName(index);
    }

    @Override
    public QName getAttributeQName(int index) {
        return parser.getAttributeQName(index);
    }

    @Override
    public String getAttributePrefix(int index) {
        return parser.getAttributePrefix(index);
    }

    @Override
    public String getAttributeType(int index) {
        return parser.getAttributeType(index);
    }

    @Override
    public String getAttributeValue(int index) {
        return parser.getAttributeValue(index);
    }

    @Override
    public String getAttributeValue(String namespace, String name) {
        return parser.getAttributeValue(namespace, name);
    }

    @Override
    public String getAttributeValue(String name) {
        return parser.getAttributeValue(name);
    }

    @Override
    public Event getEventType() throws XmlPullParserException {
        return parser.getEventType();
    }

    @Override
    public boolean supportsRoundtrip() {
        return parser.supportsRoundtrip();
    }
}
