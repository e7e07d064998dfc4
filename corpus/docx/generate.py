#!/usr/bin/env python3
"""Writes the .docx corpus documents of this folder (python3 generate.py).

Each document reproduces a Word layout seen on real agency files, with text
invented for the purpose; its NAME.expected lists the findings it must give.
"""
import zipfile
from xml.sax.saxutils import escape

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')


def r(text, rpr=''):
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


BR = '<w:r><w:br/></w:r>'
TAB = '<w:r><w:tab/></w:r>'


def p(inner, ppr=''):
    return f'<w:p>{"<w:pPr>" + ppr + "</w:pPr>" if ppr else ""}{inner}</w:p>'


def para(text, ppr=''):
    return p(r(text), ppr)


def table(rows):
    return '<w:tbl>' + ''.join('<w:tr>' + ''.join(f'<w:tc>{c}</w:tc>' for c in row) + '</w:tr>' for row in rows) + '</w:tbl>'


def numbered(text, num):
    return p(r(text), f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>')


def write(name, body, styles='', numbering='', footnotes=''):
    def part(root, inner):
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{root} {NS}>{inner}</w:{root}>'
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr('word/document.xml', part('document', '<w:body>' + body + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body>'))
        if styles:
            z.writestr('word/styles.xml', part('styles', styles))
        if numbering:
            z.writestr('word/numbering.xml', part('numbering', numbering))
        if footnotes:
            z.writestr('word/footnotes.xml', part('footnotes', footnotes))


STYLES = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:style>'
          # An old template's style: a VNI font name on text typed in Unicode.
          '<w:style w:type="paragraph" w:styleId="CuVni"><w:name w:val="CuVni"/><w:basedOn w:val="Normal"/>'
          '<w:rPr><w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/></w:rPr></w:style>')
NUMBERING = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
VNI = '<w:pStyle w:val="CuVni"/>'
CENTER = '<w:jc w:val="center"/>'

# 1. Header cells on soft line breaks, a VNI-styled table cell holding Unicode
#    text with runs of spaces (the layout that stopped the report with an
#    internal error), tracked changes, a field, numbering inside tables, a
#    signature table, and a footnote with a planted look-alike letter.
fld = lambda t: f'<w:r><w:fldChar w:fldCharType="{t}"/></w:r>'
body = (
    table([[p(r('UBND TỈNH BẮC SƠN') + BR + r('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG') + BR + r('Số: 27/KH-SNNMT')),
            p(r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM') + BR + r('Độc lập - Tự do - Hạnh phúc')) +
            para('Bắc Sơn, ngày 14 tháng 4 năm 2026')]]) +
    para('KẾ HOẠCH') + para('Trồng cây phân tán trên địa bàn tỉnh năm 2026') +
    para('I. MỤC ĐÍCH, YÊU CẦU') +
    p(r('Tăng độ che phủ của cây xanh tại các khu dân cư') +
      '<w:del w:id="1" w:author="A"><w:r><w:delText xml:space="preserve"> và khu công nghiệp</w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="A">' + r(', trường học') + '</w:ins>' + r('.')) +
    p(r('Chi tiết tại ') + fld('begin') + '<w:r><w:instrText xml:space="preserve"> REF Bang1 \\h </w:instrText></w:r>' +
      fld('separate') + r('Bảng 1') + fld('end') + r(' dưới đây.') +
      '<w:r><w:footnoteReference w:id="1"/></w:r>') +
    table([[numbered('Huyện Đông Hà', 1), p(r('   1.200   cây     '), VNI)],
           [numbered('Huyện Tây Lĩnh', 1), p(r('   900   cây'), VNI)]]) +
    para('II. NỘI DUNG') +
    table([[numbered('Ươm giống tại vườn ươm', 2), para('Quý II')],
           [numbered('Trồng và chăm sóc', 2), para('Quý III')]]) +
    para('III. TỔ CHỨC THỰC HIỆN') +
    para('Các phòng, đơn vị thuộc Sở triển khai thực hiện kế hoạch này./.') +
    table([[para('Nơi nhận:') + para('- UBND tỉnh;') + para('- Lưu: VT, KHTC.'),
            para('KT. GIÁM ĐỐC') + para('PHÓ GIÁM ĐỐC') + para('') + para('Hoàng Thị Mai')]]))
notes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
         '<w:footnote w:id="1">' + para('Số liệu do các huyện báo cáo tháng 3.') +
         para('Theo báo cáo của phòng Kế h\u043eạch.') + '</w:footnote>')
write('plan-word-layouts.docx', body, STYLES, NUMBERING, notes)

# 2. Header and signature typed with tabs and spaces in one column of
#    paragraphs (no tables): two columns side by side on each line.
body = (
    p(r('UBND TỈNH BẮC SƠN') + TAB + TAB + r('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')) +
    p(r('SỞ TÀI CHÍNH') + TAB + TAB + TAB + r('Độc lập - Tự do - Hạnh phúc')) +
    p(r('Số: 41/BC-STC') + TAB + TAB + TAB + r('Bắc Sơn, ngày 20 tháng 5 năm 2026')) +
    para('BÁO CÁO', CENTER) + para('Kết quả thu ngân sách quý I năm 2026', CENTER) +
    para('I. KẾT QUẢ') + para('1. Tổng thu ngân sách đạt 26% dự toán năm.') +
    para('2. Thu nội địa đạt 24% dự toán năm.') +
    para('II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN') + para('1. Tồn tại, hạn chế: thu từ đất đạt thấp.') +
    para('2. Nguyên nhân: thị trường bất động sản trầm lắng.') +
    para('III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI') + para('Tập trung thu các khoản còn nợ đọng.') +
    para('IV. KIẾN NGHỊ') + para('Đề nghị UBND tỉnh chỉ đạo các huyện đẩy nhanh tiến độ thu./.') +
    p(r('Nơi nhận:') + TAB + TAB + TAB + TAB + r('GIÁM ĐỐC')) +
    para('- UBND tỉnh;') + para('- Lưu: VT, NS.') + para('') + para('') +
    p(TAB + TAB + TAB + TAB + TAB + TAB + r('Đỗ Văn Quang')))
write('report-tab-columns.docx', body, STYLES)
