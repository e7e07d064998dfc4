"""Writes a paragraph list (see compose.py) as .txt, .md or .docx.

.docx is written with zipfile only: [Content_Types].xml, _rels/.rels,
word/document.xml and, when items use Word's automatic numbering, word/numbering.xml
(each run of items gets its own w:num restarting at 1, as Word does per list).
Zip entries carry a fixed timestamp so the same seed gives the same bytes.
"""
import zipfile
from xml.sax.saxutils import escape


def _line(style, text, num):
    return f"{num}. {text}" if style == "item" else text


def txt(paras):
    return "\n\n".join(_line(*p) for p in paras) + "\n"


def md(paras):
    out = []
    for style, text, num in paras:
        if style == "title":
            out.append("# " + text)
        elif style == "section":
            out.append("## " + text)
        elif style == "item":
            out.append(f"### {num}. {text}")
        else:
            out.append(text)
    return "\n\n".join(out) + "\n"


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
       'officedocument.wordprocessingml.document.main+xml"/>{num}</Types>')
_CT_NUM = ('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
           'officedocument.wordprocessingml.numbering+xml"/>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/numbering" Target="numbering.xml"/></Relationships>')


def _para(text, center=False, bold=False, num_id=None):
    ppr = ""
    if center or num_id is not None:
        ppr = "<w:pPr>"
        if num_id is not None:
            ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        if center:
            ppr += '<w:jc w:val="center"/>'
        ppr += "</w:pPr>"
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _numbering(count):
    lvl = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
           '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>')
    nums = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                   f'<w:startOverride w:val="1"/></w:lvlOverride></w:num>' for i in range(1, count + 1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {_W}>'
            f'<w:abstractNum w:abstractNumId="0">{lvl}</w:abstractNum>{nums}</w:numbering>')


def docx(path, paras, auto_numbering):
    """auto_numbering: items become Word list paragraphs (no number in the text).
    Callers turn it off when the numbering has a planted gap, which Word lists cannot show."""
    body, num_id, in_list = [], 0, False
    for style, text, num in paras:
        if style == "item" and auto_numbering:
            if not in_list:
                num_id, in_list = num_id + 1, True
            body.append(_para(text, bold=True, num_id=num_id))
            continue
        if style == "section":
            in_list = False
        body.append(_para(_line(style, text, num), center=style in ("title",),
                          bold=style in ("title", "section", "item")))
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_W}><w:body>'
           + "".join(body) + '<w:sectPr/></w:body></w:document>')
    parts = [("[Content_Types].xml", _CT.format(num=_CT_NUM if num_id else "")),
             ("_rels/.rels", _RELS), ("word/document.xml", doc)]
    if num_id:
        parts += [("word/_rels/document.xml.rels", _DOC_RELS), ("word/numbering.xml", _numbering(num_id))]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))
