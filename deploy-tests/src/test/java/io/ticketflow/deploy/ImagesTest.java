package io.ticketflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The images: Jib in every service, bound to no phase (verify needs no Docker), non-root, heap from the limit. */
class ImagesTest {

    static final List<String> SERVICES = DockerComposeTest.SERVICES.keySet().stream().sorted().toList();

    private static Document pom(String relative) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(Repo.path(relative).toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + relative, e);
        }
    }

    private static List<Element> jibPlugins(Document pom) {
        List<Element> plugins = new ArrayList<>();
        NodeList all = pom.getElementsByTagName("plugin");
        for (int i = 0; i < all.getLength(); i++) {
            Element plugin = (Element) all.item(i);
            if ("jib-maven-plugin".equals(child(plugin, "artifactId"))) {
                plugins.add(plugin);
            }
        }
        return plugins;
    }

    private static String child(Element element, String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    static String rootProperty(String name) {
        NodeList found = pom("pom.xml").getElementsByTagName(name);
        assertThat(found.getLength()).as("property %s in the root pom", name).isEqualTo(1);
        return found.item(0).getTextContent().trim();
    }

    @Test
    void theRootPomConfiguresJibOnceWithoutBindingItToAPhase() {
        List<Element> plugins = jibPlugins(pom("pom.xml"));
        assertThat(plugins).hasSize(1);
        Element jib = plugins.get(0);
        assertThat(jib.getParentNode().getParentNode().getNodeName()).as("jib sits in pluginManagement").isEqualTo("pluginManagement");
        assertThat(jib.getElementsByTagName("executions").getLength()).as("jib executions").isZero();
        String text = jib.getTextContent();
        assertThat(text).contains("-XX:MaxRAMPercentage=");
        String user = jib.getElementsByTagName("user").item(0).getTextContent().trim();
        assertThat(user).isNotBlank().doesNotStartWith("0").isNotEqualTo("root").matches("[1-9][0-9]*:[1-9][0-9]*");
    }

    @Test
    void everyServiceDeclaresJibWithItsPortAndNoExecutions() {
        for (String service : SERVICES) {
            List<Element> plugins = jibPlugins(pom(service + "/pom.xml"));
            assertThat(plugins).as("jib in %s", service).hasSize(1);
            assertThat(plugins.get(0).getElementsByTagName("executions").getLength()).as("executions in %s", service).isZero();
            String port = String.valueOf(DockerComposeTest.SERVICES.get(service));
            assertThat(plugins.get(0).getElementsByTagName("port").item(0).getTextContent().trim()).isEqualTo(port);
        }
    }
}
