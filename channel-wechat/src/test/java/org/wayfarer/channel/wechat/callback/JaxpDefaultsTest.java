package org.wayfarer.channel.wechat.callback;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;

class JaxpDefaultsTest {

    @Test
    void pinsTheFactoryTheLookupWouldFindAndKeepsAnOperatorsChoice() {
        String before = System.getProperty(JaxpDefaults.SAX_FACTORY);
        try {
            System.clearProperty(JaxpDefaults.SAX_FACTORY);
            String lookedUp = SAXParserFactory.newInstance().getClass().getName();

            JaxpDefaults.pin();

            assertThat(System.getProperty(JaxpDefaults.SAX_FACTORY)).isEqualTo(lookedUp);
            assertThat(SAXParserFactory.newInstance().getClass().getName()).isEqualTo(lookedUp);
            System.setProperty(JaxpDefaults.SAX_FACTORY, "operator.Choice");
            JaxpDefaults.pin();
            assertThat(System.getProperty(JaxpDefaults.SAX_FACTORY)).isEqualTo("operator.Choice");
        } finally {
            if (before == null) {
                System.clearProperty(JaxpDefaults.SAX_FACTORY);
            } else {
                System.setProperty(JaxpDefaults.SAX_FACTORY, before);
            }
        }
    }
}
