#!/usr/bin/env python3
"""Writes the large hostile inputs of issue 17 into a folder (they are too big
to keep in git). Each one once crashed, hung or exhausted memory; the
regression tests (tests/pipeline/hostile_budget_test.cpp, tests/ingest/
pdf_limits_test.cpp) build reduced versions themselves, and fuzz/hostile/
reproduce runs the binary on every file written here with its time and memory.

usage: generate.py OUTDIR [SCALE] [NAME...]   (SCALE 1.0 = the sizes of the issue;
       NAME: write only the cases whose file name starts with one of them)
"""
import io
import os
import sys
import zipfile
import zlib


def pdf(objects):
    """A PDF from object bodies (bytes), object 1 the catalog."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for o in offsets:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def stream(data, extra=b"", compress=True):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Ke hoach thuc hien nhiem vu nam hai nghin) Tj ET\n"


def pdf_pages(contents, resources=b"<< /Font << /F1 3 0 R >> >>", extra_objects=()):
    """Pages (one content reference each) sharing resources; objects 1-3 are
    catalog, page tree and font, then the extra objects, then the pages."""
    first = 4 + len(extra_objects)
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(len(contents)))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(contents)), FONT, *extra_objects]
    for c in contents:
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents %s >>"
                    % (resources, c))
    return pdf(objs)


def pdf_xobject_nest(fanout, depth):
    """Form XObjects nesting: level k draws level k+1 `fanout` times; the
    last level prints a word. fanout**depth words on one page."""
    # objects: 4 = page content, 5.. = forms level 0..depth-1
    extra = [stream(b"/X0 Do\n" + TEXT)]
    for k in range(depth):
        if k + 1 < depth:
            body = b"".join(b"q 1 0 0 1 %d 0 cm /X%d Do Q\n" % (i, k + 1) for i in range(fanout))
            res = b"<< /XObject << /X%d %d 0 R >> /Font << /F1 3 0 R >> >>" % (k + 1, 6 + k)
        else:
            body = b"BT /F1 8 Tf 10 10 Td (a) Tj ET\n"
            res = b"<< /Font << /F1 3 0 R >> >>"
        extra.append(stream(body, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + res))
    resources = b"<< /XObject << /X0 5 0 R >> /Font << /F1 3 0 R >> >>"
    return pdf_pages([b"4 0 R"], resources, extra)


def pdf_noops(total_ops, per_stream=10**7):
    """`total_ops` no-op path operators ("n"): one compressed stream of
    `per_stream` of them, named again and again in the page's /Contents."""
    per_stream = min(per_stream, total_ops)
    noop = stream(b"n " * per_stream)
    text = stream(TEXT)
    refs = b"[5 0 R " + b"4 0 R " * max(1, total_ops // per_stream) + b"]"
    return pdf_pages([refs], extra_objects=[noop, text])


def pdf_late_text(blank_pages):
    """`blank_pages` pages without text, then one page with text."""
    blank, text = stream(b"0 0 m 10 10 l S\n"), stream(TEXT * 3)
    return pdf_pages([b"4 0 R"] * blank_pages + [b"5 0 R"], extra_objects=[blank, text])


DOCX_FILES = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
}


def docx_big(xml_bytes):
    """A .docx whose document.xml is about `xml_bytes` long: numbered
    paragraphs that differ (so the zip ratio stays that of a real document)."""
    head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    parts, size, i = [head], len(head), 0
    while size < xml_bytes:
        p = (f'<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:sz w:val="28"/></w:rPr>'
             f'<w:t>{i}. Thực hiện nhiệm vụ số {i * 7919 % 100003} tại thôn {i % 997} năm {2000 + i % 30}.</w:t></w:r></w:p>')
        parts.append(p)
        size += len(p.encode())
        i += 1
    parts.append("</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in DOCX_FILES.items():
            z.writestr(name, text)
        z.writestr("word/document.xml", "".join(parts))
    return out.getvalue()


def big_txt(nbytes):
    """Plan-like text of about `nbytes`: sections and items that differ."""
    lines, size, i = ["ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2024\n"], 0, 0
    while size < nbytes:
        l = f"{i % 9 + 1}. Tổ chức tuyên truyền nội dung số {i} đến các thôn, tổ dân phố trên địa bàn.\n"
        lines.append(l)
        size += len(l.encode())
        i += 1
    return "".join(lines)


def cases(scale):
    n = lambda k: max(1, int(k * scale))
    yield "md-items.md", "- mục\n" * n(10**6)
    yield "md-paragraphs.md", "Đoạn văn.\n\n" * n(10**6)
    yield "md-stars.md", "*" * n(10**6) + "\n"
    yield "md-dashes.md", "- " * 256 + "x\n"
    yield "md-quotes.md", "> " * 300 + "x\n"
    yield "md-ordered.md", "".join("   " * i + "1. mục\n" for i in range(300))
    yield "md-table.md", "|" + "a|" * n(10**5) + "\n|" + "-|" * n(10**5) + "\n"
    yield "html-div.html", "<div>" * n(10**6) + "x"
    yield "html-b.html", "<b>" * n(10**6) + "x"
    yield "html-li.html", "<ul>" + "<li>mục" * n(10**6)
    yield "html-p.html", "<p>đoạn" * n(10**6)
    yield "html-custom.html", "<x-a>" * n(10**5) + "x"
    yield "txt-so.txt", "Quyết định số 1/" + "số " * n(300000) + "\n"
    yield "txt-cancu.txt", "".join(f"Căn cứ Nghị định số {i % 900 + 1}/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ quy định;\n" for i in range(n(200000)))
    yield "txt-typos.txt", "thực hiện thựcc hiênn kế hoạch " * n(3125) + "\n"  # 6,250 typos on one 100 KB line
    yield "txt-headings.txt", "I. MỤC TIÊU\n" * n(10**6)
    yield "txt-utf32.txt", "Kế hoạch thực hiện nhiệm vụ năm 2024\n".encode("utf-32")
    yield "txt-big.txt", big_txt(n(200 * 10**6))
    yield "pdf-xobject-nest.pdf", pdf_xobject_nest(10, 8)
    yield "pdf-noops.pdf", pdf_noops(n(10**9))
    yield "pdf-late-text.pdf", pdf_late_text(5000)
    yield "docx-xml-50mb.docx", docx_big(n(50 * 10**6))
    yield "docx-xml-250mb.docx", docx_big(n(250 * 10**6))


def main():
    out = sys.argv[1]
    scale = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    only = sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    for name, data in cases(scale):
        if only and not any(name.startswith(o) for o in only):
            continue
        with open(os.path.join(out, name), "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)


if __name__ == "__main__":
    main()
