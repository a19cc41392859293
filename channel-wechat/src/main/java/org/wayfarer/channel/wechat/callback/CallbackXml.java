package org.wayfarer.channel.wechat.callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reading and screening callback bodies before WxJava's parsers (XStream, dom4j) see them. Those parsers recurse once
 * per nesting level, so a deep document would overflow the request thread's stack; the screen below walks the
 * document with a streaming (non-recursive) StAX reader and refuses it past {@link #MAX_DEPTH} levels. Thread-safe.
 */
final class CallbackXml {

    /**
     * Deepest element nesting accepted, the root being level 1. WeChat's pushes are 2 to 5 levels deep (e.g.
     * {@code xml/SendPicsInfo/PicList/item/PicMd5Sum}).
     */
    static final int MAX_DEPTH = 32;

    private static final XMLInputFactory STAX = secureFactory();

    private CallbackXml() {
    }

    /**
     * Reads the body, never holding more than {@code maxBytes + 1} bytes: a declared length over the limit is refused
     * before reading, an undeclared (chunked) one as soon as it passes the limit.
     */
    static String readBody(InputStream in, long declaredLength, int maxBytes) throws CallbackRejectedException {
        if (declaredLength > maxBytes) {
            throw CallbackRejectedException.tooLarge("body larger than " + maxBytes + " bytes");
        }
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
        } catch (IOException e) {
            throw CallbackRejectedException.badRequest("could not read the body");
        }
        if (bytes.length > maxBytes) {
            throw CallbackRejectedException.tooLarge("body larger than " + maxBytes + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Whether the document declares a DOCTYPE (or any other {@code <!...>} markup declaration) before its root
     * element, the only place XML allows one. Comments and processing instructions there are skipped. Checked on the
     * raw text so that no parser, however configured, ever processes a DTD from a callback.
     */
    static boolean declaresDoctype(String xml) {
        int at = 0;
        while (true) {
            int lt = xml.indexOf('<', at);
            if (lt < 0 || lt + 1 >= xml.length()) {
                return false;
            }
            char next = xml.charAt(lt + 1);
            if (next == '?') {
                int end = xml.indexOf("?>", lt + 2);
                if (end < 0) {
                    return false;
                }
                at = end + 2;
            } else if (xml.startsWith("<!--", lt)) {
                int end = xml.indexOf("-->", lt + 4);
                if (end < 0) {
                    return false;
                }
                at = end + 3;
            } else {
                return next == '!';
            }
        }
    }

    /**
     * Refuses what WxJava's parsers must never see: a DOCTYPE (so no DTD, external entity or entity expansion),
     * entity references other than XML's five predefined ones, nesting deeper than {@link #MAX_DEPTH}, and XML that
     * is not well-formed. Reads the document once, without recursion, stopping at the first offence, and returns
     * what that reading found: the text of each element directly under the root that holds no element itself
     * (WeChat's fields, e.g. {@code MsgID}), stripped, the first one of a name winning.
     *
     * @throws CallbackRejectedException 400, with a reason that never quotes the document
     */
    static Map<String, String> screen(String xml) throws CallbackRejectedException {
        if (declaresDoctype(xml)) {
            throw CallbackRejectedException.badRequest("DOCTYPE is not allowed");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            XMLStreamReader reader = STAX.createXMLStreamReader(new StringReader(xml));
            try {
                int depth = 0;
                String field = null;
                StringBuilder text = new StringBuilder();
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth = deeper(depth);
                        field = depth == 2 ? reader.getLocalName() : null; // a child of a field makes it no leaf
                        text.setLength(0);
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (depth == 2 && field != null) {
                            fields.putIfAbsent(field, text.toString().strip());
                        }
                        field = null;
                        depth--;
                    } else if (field != null && (event == XMLStreamConstants.CHARACTERS
                            || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                        text.append(reader.getText());
                    } else {
                        refuseMarkup(event);
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw CallbackRejectedException.badRequest("malformed XML");
        }
        return fields;
    }

    /**
     * The text of the {@code Encrypt} element directly under the root of a safe-mode envelope: the envelope is
     * {@link #screen}ed, and {@code Encrypt} is one of the fields the screen returns.
     *
     * @throws CallbackRejectedException 400 when the envelope fails the screen or has no {@code Encrypt}
     */
    static String encryptedPart(String envelope) throws CallbackRejectedException {
        String encrypt = screen(envelope).get("Encrypt");
        if (encrypt == null || encrypt.isEmpty()) {
            throw CallbackRejectedException.badRequest("safe-mode body without Encrypt");
        }
        return encrypt;
    }

    private static int deeper(int depth) throws CallbackRejectedException {
        if (depth >= MAX_DEPTH) {
            throw CallbackRejectedException.badRequest("XML nested deeper than " + MAX_DEPTH + " levels");
        }
        return depth + 1;
    }

    private static void refuseMarkup(int event) throws CallbackRejectedException {
        if (event == XMLStreamConstants.DTD) {
            throw CallbackRejectedException.badRequest("DOCTYPE is not allowed");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw CallbackRejectedException.badRequest("entity references are not allowed");
        }
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // an entity reference is then reported as an event (and refused) instead of being resolved
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
