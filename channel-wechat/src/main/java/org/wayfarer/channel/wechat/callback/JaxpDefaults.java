package org.wayfarer.channel.wechat.callback;

import javax.xml.parsers.SAXParserFactory;

/**
 * Pins the JDK's own SAX parser factory. WxJava parses every callback with dom4j, which asks
 * {@link SAXParserFactory#newInstance()} for a new factory each time; without the system property that lookup scans
 * every jar on the class path for a service entry, about a tenth of a callback's CPU in the benchmark's profile. The
 * JDK's factory is what the lookup finds anyway (no jar here ships another), and an operator's own setting is kept.
 */
public final class JaxpDefaults {

    static final String SAX_FACTORY = "javax.xml.parsers.SAXParserFactory";
    static final String JDK_SAX_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl";

    private JaxpDefaults() {
    }

    /** Idempotent; leaves a factory chosen by the operator (a system property already set) alone. */
    public static void pin() {
        if (System.getProperty(SAX_FACTORY) == null) {
            System.setProperty(SAX_FACTORY, JDK_SAX_FACTORY);
        }
    }
}
