package io.meridian.fix.dialect;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A FIX dictionary in QuickFIX XML format with a broker's or venue's dialect overlay merged onto it.
 *
 * <p>An overlay is itself a QuickFIX-format file (root {@code <fix dialect="NAME">}) holding only the
 * differences: new fields, extra enum values for existing fields (a {@code <field>} with an existing
 * number), fields added to an existing message or made required/optional there (a {@code <message>}
 * with an existing MsgType), and whole custom message types. Onboarding a dialect is a file, not code:
 * the merged dictionary drives {@link MessageValidator} at runtime and can be written back out
 * ({@link #toQuickFixXml()}) for QuickFIX/J peers and for the client's own configuration.
 */
public final class DialectDictionary
{
    private static final String FULL_LOCATION = "classpath:fix/full/";
    private static final Map<String, DialectDictionary> FULL = new java.util.concurrent.ConcurrentHashMap<>();

    private final String name;
    private final String beginString;
    private final Document merged;
    private final Map<Integer, FieldDefinition> fields = new LinkedHashMap<>();
    private final Map<String, MessageDefinition> messages = new LinkedHashMap<>();
    private final Set<Integer> headerAndTrailer = new LinkedHashSet<>();
    private final Set<Integer> headerTags = new LinkedHashSet<>();
    private final MessageDefinition header;

    private DialectDictionary(final String name, final Document merged, final Set<String> baseMsgTypes)
    {
        this.name = name;
        this.merged = merged;
        final Element root = merged.getDocumentElement();
        // QuickFIX/J's own dictionaries leave out type="FIX"
        final String type = root.getAttribute("type").isEmpty() ? "FIX" : root.getAttribute("type");
        this.beginString = type + "." + root.getAttribute("major") + "." + root.getAttribute("minor");

        final Map<String, FieldDefinition> fieldsByName = new HashMap<>();
        for (final Element field : children(child(root, "fields"), "field"))
        {
            final FieldDefinition definition = new FieldDefinition(
                Integer.parseInt(field.getAttribute("number")), field.getAttribute("name"), field.getAttribute("type"));
            for (final Element value : children(field, "value"))
            {
                definition.addValue(value.getAttribute("enum"), value.getAttribute("description"));
            }
            fields.put(definition.tag(), definition);
            fieldsByName.put(definition.name(), definition);
        }
        final Map<String, Element> components = new HashMap<>();
        final Element componentsElement = child(root, "components");
        if (componentsElement != null)
        {
            for (final Element component : children(componentsElement, "component"))
            {
                components.put(component.getAttribute("name"), component);
            }
        }
        final MessageDefinition header = new MessageDefinition("header", "", "admin", false);
        flatten(child(root, "header"), true, true, header, fieldsByName, components);
        headerTags.addAll(header.fields().keySet());
        flatten(child(root, "trailer"), true, true, header, fieldsByName, components);
        headerAndTrailer.addAll(header.fields().keySet());
        this.header = header;
        for (final Element message : children(child(root, "messages"), "message"))
        {
            final String msgType = message.getAttribute("msgtype");
            final MessageDefinition definition = new MessageDefinition(
                message.getAttribute("name"), msgType, message.getAttribute("msgcat"), !baseMsgTypes.contains(msgType));
            flatten(message, true, true, definition, fieldsByName, components);
            messages.put(msgType, definition);
        }
    }

    /** Loads a base dictionary without a dialect. */
    public static DialectDictionary base(final InputStream base)
    {
        final Document document = parse(base);
        return new DialectDictionary(null, document, msgTypes(document));
    }

    /**
     * Merges an overlay onto a base dictionary.
     *
     * @param base    the QuickFIX-format base dictionary (e.g. fix/FIX44.xml).
     * @param overlay the dialect overlay.
     * @return the merged dictionary, named by the overlay's {@code dialect} attribute.
     * @throws IllegalArgumentException when the overlay refers to fields it does not define and the base lacks.
     */
    public static DialectDictionary merge(final InputStream base, final InputStream overlay)
    {
        final Document document = parse(base);
        final Set<String> baseMsgTypes = msgTypes(document);
        final Element overlayRoot = parse(overlay).getDocumentElement();
        final String name = overlayRoot.getAttribute("dialect");
        if (name.isBlank())
        {
            throw new IllegalArgumentException("a dialect overlay needs a dialect=\"NAME\" attribute on <fix>");
        }
        mergeInto(document, overlayRoot);
        return new DialectDictionary(name, document, baseMsgTypes);
    }

    /**
     * Loads a dictionary named in configuration: {@code classpath:fix/...} or a file path.
     */
    public static InputStream open(final String location)
    {
        try
        {
            if (location.startsWith("classpath:"))
            {
                final String resource = location.substring("classpath:".length());
                final InputStream in = DialectDictionary.class.getClassLoader().getResourceAsStream(resource);
                if (in == null)
                {
                    throw new IllegalArgumentException("no dictionary on the classpath at " + resource);
                }
                return in;
            }
            return Files.newInputStream(Path.of(location));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read dictionary " + location, e);
        }
    }

    /** @return the dialect's name, or null for a base dictionary. */
    public String name()
    {
        return name;
    }

    /** @return e.g. FIX.4.4. */
    public String beginString()
    {
        return beginString;
    }

    public Map<Integer, FieldDefinition> fields()
    {
        return Collections.unmodifiableMap(fields);
    }

    public Map<String, MessageDefinition> messages()
    {
        return Collections.unmodifiableMap(messages);
    }

    /**
     * The full dictionary of a FIX version (QuickFIX/J's, under {@code fix/full/}): what every client
     * session's messages are validated against. FIXT.1.1 is FIXT11.xml with FIX50SP2.xml.
     */
    public static DialectDictionary full(final String beginString)
    {
        return FULL.computeIfAbsent(beginString, version ->
        {
            switch (version)
            {
                case "FIX.4.2":
                case "FIX.4.4":
                    final Document document = fullWithMeridian(version);
                    return new DialectDictionary(null, document, msgTypes(document));
                case "FIXT.1.1":
                    // what Meridian's FIX 5.0 SP2 sessions add: the routing instructions on D and G
                    final Document fixt = parse(open(FULL_LOCATION + "FIXT11.xml"));
                    mergeInto(fixt, parse(open(FULL_LOCATION + "FIX50SP2.xml")).getDocumentElement());
                    mergeInto(fixt, parse(open(FULL_LOCATION + "FIX50SP2-meridian.xml")).getDocumentElement());
                    return new DialectDictionary(null, fixt, msgTypes(fixt));
                default:
                    throw new IllegalArgumentException("no full dictionary for " + version);
            }
        });
    }

    /**
     * QuickFIX/J's full dictionary of FIX 4.2 or 4.4 with what Meridian's sessions add to it: FIX 4.2
     * Username/Password on the Logon and LastMsgSeqNumProcessed; FIX 4.4 the kill switch fields of an ops
     * session's mass cancel; both the routing instructions on D and G.
     */
    private static Document fullWithMeridian(final String beginString)
    {
        final String version = "FIX.4.2".equals(beginString) ? "FIX42" : "FIX44";
        final Document document = parse(open(FULL_LOCATION + version + ".xml"));
        mergeInto(document, parse(open(FULL_LOCATION + version + "-meridian.xml")).getDocumentElement());
        return document;
    }

    /** @return the full dictionary of the version, Meridian's additions included, with a dialect's overlay on it. */
    public static DialectDictionary fullWith(final String beginString, final InputStream overlay)
    {
        if (!"FIX.4.2".equals(beginString) && !"FIX.4.4".equals(beginString))
        {
            throw new IllegalArgumentException("dialects are supported on FIX.4.2 and FIX.4.4, not " + beginString);
        }
        final Document document = fullWithMeridian(beginString);
        final Set<String> baseMsgTypes = msgTypes(document);
        final Element overlayRoot = parse(overlay).getDocumentElement();
        final String name = overlayRoot.getAttribute("dialect");
        if (name.isBlank())
        {
            throw new IllegalArgumentException("a dialect overlay needs a dialect=\"NAME\" attribute on <fix>");
        }
        mergeInto(document, overlayRoot);
        return new DialectDictionary(name, document, baseMsgTypes);
    }

    /**
     * A FIXT.1.1 session's dictionary: the transport (FIXT11.xml: header, trailer, session messages)
     * with the application dictionary's (e.g. FIX50SP2.xml) fields, components and messages added.
     */
    public static DialectDictionary fixt(final InputStream transport, final InputStream application)
    {
        final Document document = parse(transport);
        mergeInto(document, parse(application).getDocumentElement());
        return new DialectDictionary(null, document, msgTypes(document));
    }

    /** @return the standard header's tags (its groups in {@link #header()}). */
    public Set<Integer> headerTags()
    {
        return Collections.unmodifiableSet(headerTags);
    }

    /** @return the standard header and trailer as one definition (fields and groups). */
    public MessageDefinition header()
    {
        return header;
    }

    /** @return tags allowed in every message (standard header and trailer). */
    public Set<Integer> headerAndTrailerTags()
    {
        return Collections.unmodifiableSet(headerAndTrailer);
    }

    /** @return the merged dictionary as QuickFIX XML, loadable by QuickFIX/J. */
    public String toQuickFixXml()
    {
        try
        {
            final TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            final Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            final StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(merged), new StreamResult(out));
            return out.toString();
        }
        catch (final Exception e)
        {
            throw new IllegalStateException("cannot write the merged dictionary", e);
        }
    }

    private static void mergeInto(final Document base, final Element overlay)
    {
        final Element baseRoot = base.getDocumentElement();
        final Element overlayFields = child(overlay, "fields");
        if (overlayFields != null)
        {
            final Element baseFields = child(baseRoot, "fields");
            for (final Element field : children(overlayFields, "field"))
            {
                final Element existing = findByAttribute(baseFields, "field", "number", field.getAttribute("number"));
                if (existing == null)
                {
                    baseFields.appendChild(base.importNode(field, true));
                }
                else
                {
                    for (final Element value : children(field, "value"))
                    {
                        if (findByAttribute(existing, "value", "enum", value.getAttribute("enum")) == null)
                        {
                            existing.appendChild(base.importNode(value, true));
                        }
                    }
                }
            }
        }
        final Element overlayComponents = child(overlay, "components");
        if (overlayComponents != null)
        {
            Element baseComponents = child(baseRoot, "components");
            if (baseComponents == null)
            {
                baseComponents = base.createElement("components");
                baseRoot.appendChild(baseComponents);
            }
            for (final Element component : children(overlayComponents, "component"))
            {
                final Element existing = findByAttribute(baseComponents, "component", "name", component.getAttribute("name"));
                if (existing == null)
                {
                    baseComponents.appendChild(base.importNode(component, true));
                }
                else
                {
                    mergeEntries(base, existing, component);
                }
            }
        }
        for (final String section : List.of("header", "trailer"))
        {
            final Element overlaySection = child(overlay, section);
            if (overlaySection != null)
            {
                mergeEntries(base, child(baseRoot, section), overlaySection);
            }
        }
        final Element overlayMessages = child(overlay, "messages");
        if (overlayMessages != null)
        {
            final Element baseMessages = child(baseRoot, "messages");
            for (final Element message : children(overlayMessages, "message"))
            {
                final Element existing = findByAttribute(baseMessages, "message", "msgtype", message.getAttribute("msgtype"));
                if (existing == null)
                {
                    baseMessages.appendChild(base.importNode(message, true));
                    addMsgTypeValue(base, message.getAttribute("msgtype"), message.getAttribute("name"));
                }
                else
                {
                    mergeEntries(base, existing, message);
                }
            }
        }
    }

    /** A custom message type is also a new value of MsgType (35), or peers reject it as out of range. */
    private static void addMsgTypeValue(final Document base, final String msgType, final String name)
    {
        final Element msgTypeField = findByAttribute(child(base.getDocumentElement(), "fields"), "field", "number", "35");
        if (msgTypeField != null && !children(msgTypeField, "value").isEmpty()
            && findByAttribute(msgTypeField, "value", "enum", msgType) == null)
        {
            final Element value = base.createElement("value");
            value.setAttribute("enum", msgType);
            value.setAttribute("description", name.toUpperCase(java.util.Locale.ROOT));
            msgTypeField.appendChild(value);
        }
    }

    private static void mergeEntries(final Document base, final Element target, final Element overlay)
    {
        for (final Element entry : children(overlay, null))
        {
            final Element existing = findByAttribute(target, entry.getTagName(), "name", entry.getAttribute("name"));
            if (existing == null)
            {
                target.appendChild(base.importNode(entry, true));
            }
            else if (entry.hasAttribute("required"))
            {
                existing.setAttribute("required", entry.getAttribute("required"));
            }
        }
    }

    private static void flatten(
        final Element parent,
        final boolean enforceRequired,
        final boolean topLevel,
        final MessageDefinition into,
        final Map<String, FieldDefinition> fieldsByName,
        final Map<String, Element> components)
    {
        if (parent == null)
        {
            return;
        }
        for (final Element entry : children(parent, null))
        {
            final boolean required = enforceRequired && "Y".equalsIgnoreCase(entry.getAttribute("required"));
            final String entryName = entry.getAttribute("name");
            switch (entry.getTagName())
            {
                case "field":
                    into.putField(tagOf(entryName, fieldsByName, into), required);
                    break;
                case "group":
                    final int countTag = tagOf(entryName, fieldsByName, into);
                    into.putField(countTag, required);
                    flatten(entry, false, false, into, fieldsByName, components);
                    if (topLevel)
                    {
                        final GroupDefinition group = new GroupDefinition(countTag);
                        structure(entry, group, fieldsByName, components, into);
                        into.addGroup(group);
                    }
                    break;
                case "component":
                    final Element component = components.get(entryName);
                    if (component == null)
                    {
                        throw new IllegalArgumentException(into.name() + " refers to undefined component " + entryName);
                    }
                    flatten(component, required, topLevel, into, fieldsByName, components);
                    break;
                default:
                    break;
            }
        }
    }

    /** Orders a group's members (components resolved) and nests its inner groups. */
    private static void structure(
        final Element parent,
        final GroupDefinition into,
        final Map<String, FieldDefinition> fieldsByName,
        final Map<String, Element> components,
        final MessageDefinition in)
    {
        for (final Element entry : children(parent, null))
        {
            final String entryName = entry.getAttribute("name");
            switch (entry.getTagName())
            {
                case "field":
                    into.addMember(tagOf(entryName, fieldsByName, in));
                    break;
                case "group":
                    final GroupDefinition nested = new GroupDefinition(tagOf(entryName, fieldsByName, in));
                    into.addMember(nested.countTag());
                    structure(entry, nested, fieldsByName, components, in);
                    into.addGroup(nested);
                    break;
                case "component":
                    final Element component = components.get(entryName);
                    if (component == null)
                    {
                        throw new IllegalArgumentException(in.name() + " refers to undefined component " + entryName);
                    }
                    structure(component, into, fieldsByName, components, in);
                    break;
                default:
                    break;
            }
        }
    }

    private static int tagOf(final String name, final Map<String, FieldDefinition> fieldsByName, final MessageDefinition in)
    {
        final FieldDefinition field = fieldsByName.get(name);
        if (field == null)
        {
            throw new IllegalArgumentException(in.name() + " refers to undefined field " + name);
        }
        return field.tag();
    }

    private static Set<String> msgTypes(final Document document)
    {
        final Set<String> types = new LinkedHashSet<>();
        for (final Element message : children(child(document.getDocumentElement(), "messages"), "message"))
        {
            types.add(message.getAttribute("msgtype"));
        }
        return types;
    }

    private static Document parse(final InputStream in)
    {
        try (in)
        {
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            final DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(in);
        }
        catch (final Exception e)
        {
            throw new IllegalArgumentException("not a QuickFIX-format dictionary: " + e.getMessage(), e);
        }
    }

    private static Element child(final Element parent, final String tagName)
    {
        final List<Element> children = children(parent, tagName);
        return children.isEmpty() ? null : children.get(0);
    }

    private static Element findByAttribute(
        final Element parent, final String tagName, final String attribute, final String value)
    {
        for (final Element element : children(parent, tagName))
        {
            if (value.equals(element.getAttribute(attribute)))
            {
                return element;
            }
        }
        return null;
    }

    /** Direct element children, optionally only those with the given tag name. */
    private static List<Element> children(final Element parent, final String tagName)
    {
        final List<Element> result = new ArrayList<>();
        if (parent == null)
        {
            return result;
        }
        final NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++)
        {
            final Node node = nodes.item(i);
            if (node.getNodeType() == Node.ELEMENT_NODE && (tagName == null || tagName.equals(node.getNodeName())))
            {
                result.add((Element)node);
            }
        }
        return result;
    }
}
