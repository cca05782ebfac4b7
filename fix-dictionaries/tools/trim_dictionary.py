#!/usr/bin/env python3
"""Trims a QuickFIX-format FIX dictionary to the messages and fields Meridian uses.

usage: trim_dictionary.py ORIGINAL.xml OUT.xml SPEC SOURCE-LABEL

SPEC names, per message type, the fields kept (in the original's order); the header and trailer
keep the listed fields; enum values are kept as in the original. A field written Name=tag/TYPE is
added (optional, at the end) when the original lacks it: what Artio's session layer needs beyond
an old version (LastMsgSeqNumProcessed 369 in a FIX 4.2 header). Components and groups are
inlined away: only plain fields are kept. Run once when a dictionary is added; the output is
checked in (fix-dictionaries/src/main/resources/fix/) with a comment naming its source.
"""
import sys
import xml.etree.ElementTree as ET


def load_spec(path):
    spec = {}
    for line in open(path):
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        key, fields = line.split(':', 1)
        spec[key.strip()] = [f.strip() for f in fields.split(',') if f.strip()]
    return spec


def split_extra(wanted):
    names, extra = [], []
    for w in wanted:
        if '=' in w:
            name, definition = w.split('=', 1)
            number, ftype = definition.split('/')
            extra.append((name, number, ftype))
        else:
            names.append(w)
    return names, extra


def flatten(node, components):
    """Plain fields of a message/header, with components expanded (groups dropped)."""
    out = []
    for child in node:
        if child.tag == 'field':
            out.append((child.get('name'), child.get('required')))
        elif child.tag == 'component' and child.get('name') in components:
            out.extend(flatten(components[child.get('name')], components))
    return out


def main(original, target, spec_path, source):
    spec = load_spec(spec_path)
    root = ET.parse(original).getroot()
    components = {c.get('name'): c for c in root.find('components') or []}
    used = set()

    added = []

    def keep_fields(node, wanted_spec, keep_required):
        wanted, extra = split_extra(wanted_spec)
        kept = flatten(node, components)
        for child in list(node):
            node.remove(child)
        names = set()
        for name, required in kept:
            if name in names:
                continue
            if required == 'Y' and name not in wanted and not keep_required:
                print('note: %s drops required field %s' % (node.get('name'), name))
            if name in wanted or (keep_required and required == 'Y'):
                ET.SubElement(node, 'field', name=name, required=required)
                names.add(name)
                used.add(name)
        for name, number, ftype in extra:
            ET.SubElement(node, 'field', name=name, required='N')
            added.append((name, number, ftype))
        missing = [w for w in wanted if w not in names]
        if missing:
            sys.exit('%s: not in the original: %s' % (node.get('name') or node.tag, missing))

    for section in ('header', 'trailer'):
        node = root.find(section)
        if node is not None:
            keep_fields(node, spec.get(section, []), True)
    messages = root.find('messages')
    for message in list(messages):
        msgtype = message.get('msgtype')
        if msgtype in spec:
            keep_fields(message, spec[msgtype], False)
        else:
            messages.remove(message)
    comps = root.find('components')
    if comps is not None:
        for c in list(comps):
            comps.remove(c)
    fields = root.find('fields')
    for field in list(fields):
        if field.get('name') not in used:
            fields.remove(field)
    for name, number, ftype in added:
        if not any(f.get('name') == name for f in fields):
            ET.SubElement(fields, 'field', number=number, name=name, type=ftype)
    ET.indent(root, space=' ')
    with open(target, 'w') as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write('<!-- Trimmed by fix-dictionaries/tools/trim_dictionary.py with %s from\n'
                  '     %s (QuickFIX Software License): only what Meridian uses. -->\n'
                  % (spec_path.split('/')[-1], source))
        out.write(ET.tostring(root, encoding='unicode'))
        out.write('\n')


if __name__ == '__main__':
    main(*sys.argv[1:5])
