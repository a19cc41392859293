package org.wayfarer.channel.wechat.callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reading and screening callback bodies before any XML parser sees them. Thread-safe. */
final class CallbackXml {

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
     * The text of the {@code Encrypt} element directly under the root of a safe-mode envelope.
     *
     * @throws CallbackRejectedException 400 when the envelope is not well-formed XML or has no {@code Encrypt}
     */
    static String encryptedPart(String envelope) throws CallbackRejectedException {
        String encrypt = null;
        try {
            XMLStreamReader reader = STAX.createXMLStreamReader(new StringReader(envelope));
            try {
                int depth = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw CallbackRejectedException.badRequest("DOCTYPE is not allowed");
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 2 && encrypt == null && "Encrypt".equals(reader.getLocalName())) {
                            encrypt = reader.getElementText().strip();
                            depth--;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw CallbackRejectedException.badRequest("malformed XML");
        }
        if (encrypt == null || encrypt.isEmpty()) {
            throw CallbackRejectedException.badRequest("safe-mode body without Encrypt");
        }
        return encrypt;
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
