#!/usr/bin/env python3
"""Writes the table corpus (python3 generate.py): one invented report in four
formats (.txt with cell bars, .md pipe tables, .html tables, .docx tables),
each with the same four tables:

  A. a correct total row and total column (Tổng số = Nam + Nữ);
  B. a "Trong đó" breakdown under each unit (not counted again in the total);
  C. a share column (Tỷ lệ bao phủ, %) whose values are not summed;
  D. a total row that does not add up (1.250 written, the rows give 1.205);
  E. a total column that does not add up in one row (Tổng số 65, Nam + Nữ 62).

The .docx headers of tables A and E merge "Đơn vị" down two rows (w:vMerge) and
spans "Trong đó" over "Nam" and "Nữ" (w:gridSpan); the .html one does the
same with rowspan and colspan. Each NAME.expected lists the findings.
"""
import zipfile
from xml.sax.saxutils import escape

HEADER = ['UBND HUYỆN HÒA AN', 'BẢO HIỂM XÃ HỘI HUYỆN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc', 'Số: 45/BC-BHXH', 'Hòa An, ngày 15 tháng 12 năm 2025', 'BÁO CÁO',
          'Kết quả phát triển người tham gia bảo hiểm xã hội năm 2025']
CLOSING = ['Nơi nhận:', '- Ủy ban nhân dân huyện;', '- Lưu: VT, TH.', 'GIÁM ĐỐC', 'Trần Minh Khoa']

# (title of the part, intro, header rows, body rows); header rows as cells.
A_HEAD = [['STT', 'Đơn vị', 'Tổng số', 'Nam', 'Nữ']]
A_ROWS = [['1', 'Xã Hòa Thắng', '1.250', '700', '550'], ['2', 'Xã Hòa Phú', '980', '510', '470'],
          ['3', 'Phường Tân Lập', '2.105', '1.100', '1.005'], ['', 'Tổng cộng', '4.335', '2.310', '2.025']]
B_HEAD = [['STT', 'Đơn vị', 'Số hộ']]
B_ROWS = [['1', 'Xã Hòa Thắng', '820'], ['', 'Trong đó: hộ cận nghèo', '95'], ['2', 'Xã Hòa Phú', '640'],
          ['', 'Trong đó: hộ cận nghèo', '70'], ['', 'Tổng số', '1.460']]
C_HEAD = [['Đơn vị', 'Số người tham gia', 'Tỷ lệ bao phủ (%)']]
C_ROWS = [['Xã Hòa Thắng', '1.250', '45,2'], ['Xã Hòa Phú', '980', '38,6'], ['Cộng', '2.230', '42,3']]
D_HEAD = [['STT', 'Đơn vị', 'Số người được tuyên truyền']]
D_ROWS = [['1', 'Xã Hòa Thắng', '540'], ['2', 'Xã Hòa Phú', '415'], ['3', 'Phường Tân Lập', '250'],
          ['', 'Tổng cộng', '1.250']]

BODY = [
    ('para', 'I. KẾT QUẢ THỰC HIỆN'),
    ('para', '1. Số người tham gia bảo hiểm xã hội tự nguyện theo đơn vị:'),
    ('table', 'A'),
    ('para', '2. Số hộ gia đình tham gia bảo hiểm y tế:'),
    ('table', 'B'),
    ('para', '3. Tỷ lệ bao phủ bảo hiểm xã hội:'),
    ('table', 'C'),
    ('para', '4. Kết quả công tác tuyên truyền:'),
    ('table', 'D'),
    ('para', '5. Số người lao động được tập huấn về chính sách bảo hiểm xã hội:'),
    ('table', 'E'),
    ('para', 'II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN'),
    ('para', 'Số người tham gia ở các xã vùng sâu còn thấp do thu nhập của người dân chưa ổn định.'),
    ('para', 'III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026'),
    ('para', 'Tiếp tục tuyên truyền, vận động người dân tham gia bảo hiểm xã hội tự nguyện.'),
    ('para', 'IV. KIẾN NGHỊ, ĐỀ XUẤT'),
    ('para', 'Đề nghị Ủy ban nhân dân huyện chỉ đạo các xã phối hợp thực hiện.'),
]
E_ROWS = [['1', 'Xã Hòa Thắng', '48', '20', '28'], ['2', 'Xã Hòa Phú', '65', '30', '32'],
          ['3', 'Phường Tân Lập', '52', '25', '27']]
TABLES = {'A': (A_HEAD, A_ROWS), 'B': (B_HEAD, B_ROWS), 'C': (C_HEAD, C_ROWS), 'D': (D_HEAD, D_ROWS),
          'E': (A_HEAD, E_ROWS)}


def lines_txt():
    out = list(HEADER)
    for kind, v in BODY:
        if kind == 'para':
            out.append(v)
            continue
        head, rows = TABLES[v]
        widths = [max(len(r[i]) for r in head + rows) for i in range(len(head[0]))]
        border = '+' + '+'.join('-' * (w + 2) for w in widths) + '+'
        out.append(border)
        for i, r in enumerate(head + rows):
            out.append('| ' + ' | '.join(c.ljust(w) for c, w in zip(r, widths)) + ' |')
            if i < len(head):
                out.append(border)
        out.append(border)
    return out + CLOSING


def write_txt(name):
    with open(name, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines_txt()) + '\n')


def write_md(name):
    out = []
    for h in HEADER:
        out += [h, '']
    for kind, v in BODY:
        if kind == 'para':
            out += [v, '']
            continue
        head, rows = TABLES[v]
        out.append('| ' + ' | '.join(head[0]) + ' |')
        out.append('|' + '|'.join('---' for _ in head[0]) + '|')
        for r in rows:
            out.append('| ' + ' | '.join(r) + ' |')
        out.append('')
    for c in CLOSING:
        out += [c, '']
    with open(name, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))


def write_html(name):
    out = ['<!DOCTYPE html>', '<html lang="vi"><head><meta charset="utf-8"><title>Báo cáo</title></head>', '<body>']
    out += [f'<p>{escape(h)}</p>' for h in HEADER]
    for kind, v in BODY:
        if kind == 'para':
            out.append(f'<p>{escape(v)}</p>')
            continue
        head, rows = TABLES[v]
        out.append('<table>')
        if v in 'AE':  # a two-row header: Đơn vị down, "Trong đó" across Nam and Nữ
            out.append('<tr><th rowspan="2">STT</th><th rowspan="2">Đơn vị</th><th rowspan="2">Tổng số</th>'
                       '<th colspan="2">Trong đó</th></tr>')
            out.append('<tr><th>Nam</th><th>Nữ</th></tr>')
        else:
            out.append('<tr>' + ''.join(f'<th>{escape(c)}</th>' for c in head[0]) + '</tr>')
        for r in rows:
            out.append('<tr>' + ''.join(f'<td>{escape(c)}</td>' for c in r) + '</tr>')
        out.append('</table>')
    out += [f'<p>{escape(c)}</p>' for c in CLOSING]
    out.append('</body></html>')
    with open(name, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def tc(text, props=''):
    return f'<w:tc>{"<w:tcPr>" + props + "</w:tcPr>" if props else ""}{para(text)}</w:tc>'


def write_docx(name):
    body = ''.join(para(h) for h in HEADER)
    for kind, v in BODY:
        if kind == 'para':
            body += para(v)
            continue
        head, rows = TABLES[v]
        x = '<w:tbl>'
        if v in 'AE':
            down = '<w:vMerge w:val="restart"/>'
            x += ('<w:tr>' + tc('STT', down) + tc('Đơn vị', down) + tc('Tổng số', down) +
                  tc('Trong đó', '<w:gridSpan w:val="2"/>') + '</w:tr>')
            x += '<w:tr>' + tc('', '<w:vMerge/>') * 3 + tc('Nam') + tc('Nữ') + '</w:tr>'
        else:
            x += '<w:tr>' + ''.join(tc(c) for c in head[0]) + '</w:tr>'
        for r in rows:
            x += '<w:tr>' + ''.join(tc(c) for c in r) + '</w:tr>'
        body += x + '</w:tbl>'
    body += ''.join(para(c) for c in CLOSING)
    doc = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>{body}'
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
           'w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NS}>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
              '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr>'
              '</w:style></w:styles>')
    with zipfile.ZipFile(name, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr('word/document.xml', doc)
        z.writestr('word/styles.xml', styles)


write_txt('totals-bars.txt')
write_md('totals-pipe.md')
write_html('totals-html.html')
write_docx('totals-word.docx')
