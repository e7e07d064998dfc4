"""Builds one synthetic plan (Kế hoạch) or report (Báo cáo) as a list of paragraphs.

A paragraph is (style, text, num): style is one of
  'header'  header block line (agency, number, place and date)
  'title'   document kind and subject (centred in .docx, '#' in .md)
  'basis'   a legal basis line ("Căn cứ ...")
  'section' Roman-numbered section heading
  'item'    numbered item heading "N. ..." (num = N; the writers decide whether
            the number is literal text or .docx auto-numbering)
  'sub'     lettered item "a) ..."
  'bullet'  "- ..." line
  'para'    body paragraph
  'closing' recipients and signature lines
Documents grow to the requested size by adding task items (plans) or per-district
results (reports); sentences are drawn from vocab.py so paragraphs rarely repeat.
"""
from . import vocab as V

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _cap(s):
    return s[0].upper() + s[1:]


class Ctx:
    def __init__(self, rng):
        self.rng = rng
        self.province, self.city = rng.choice(V.PROVINCES)
        self.year = rng.randint(2020, 2025)

    def title(self, titles, tpl):
        """A heading not used before in this document: real plans do not repeat
        headings, and a repeated one is a finding of its own."""
        if not hasattr(self, "_titles"):
            self._titles, self._round = [], 0
        if not self._titles:
            self._round += 1
            combos = [tpl.format(t=t, dist=d) for t in titles for d in V.DISTRICTS]
            if self._round > 1:
                combos = [f"{c} (đợt {self._round})" for c in combos]
            self.rng.shuffle(combos)
            self._titles = combos
        return self._titles.pop()

    def date(self):
        r = self.rng
        return r.randint(1, 28), r.randint(1, 12), self.year

    def fill(self, tpl):
        r = self.rng
        d, m, y = self.date()
        return tpl.format(
            dist=r.choice(V.DISTRICTS), p=self.province, P=self.province.upper(), q=r.randint(1, 4),
            y=y, d=d, m=m, n=r.randint(10, 9999), a=r.randint(2, 60), b=r.randint(100, 9000),
            c=f"{r.randint(1000, 90000):,}".replace(",", "."), pct=f"{r.randint(10, 98)},{r.randint(0, 9)}",
            small=r.randint(1, 9), subj=self.fill(r.choice(V.SUBJECTS)) if "{subj}" in tpl else "")

    def task_sentence(self):
        r = self.rng
        subj = self.fill(r.choice(V.SUBJECTS))
        s = f"{subj} {r.choice(V.VERBS)} {r.choice(V.OBJECTS)} {self.fill(r.choice(V.TIMES))}"
        if r.random() < 0.7:
            s += ", " + r.choice(V.PURPOSES)
        return _cap(s) + "."

    def task_paragraph(self):
        return " ".join(self.task_sentence() for _ in range(self.rng.randint(1, 4)))

    def result_paragraph(self):
        r = self.rng
        return " ".join(_cap(self.fill(t)) for t in r.sample(V.RESULT_SENTENCES, r.randint(2, 4)))


def _size(paras):
    return sum(len(t.encode("utf-8")) + 2 for _, t, _ in paras)


def _plan_item(ctx, n):
    r = ctx.rng
    out = [("item", ctx.title(V.TASK_TITLES, "{t} tại {dist}"), n)]
    for _ in range(r.randint(1, 3)):
        p = ctx.task_paragraph()
        out.append(("bullet", "- " + p, None) if r.random() < 0.4 else ("para", p, None))
    return out


def _report_item(ctx, n):
    r = ctx.rng
    out = [("item", ctx.title(["Kết quả tại"], "{t} {dist}"), n)]
    out += [("para", ctx.result_paragraph(), None) for _ in range(r.randint(1, 3))]
    return out


def _grow(ctx, fixed, target, gap_at, make_item):
    """Numbered items until the document reaches `target` bytes (at least two).
    The size is kept as a running sum: a 200 MB document must stay linear."""
    n, size, body = 0, fixed, []
    while size < target or n < 2:
        n += 1
        if gap_at is not None and n == gap_at:
            n += 1  # planted defect: the numbering skips one item
        item = make_item(ctx, n)
        size += _size(item)
        body += item
    return body


def _header(ctx, kind_abbr):
    r = ctx.rng
    name, abbr, parent, sign = r.choice(V.AGENCIES)
    name = name.format(p=ctx.province)
    d, m, y = ctx.date()
    out = [("header", parent.format(P=ctx.province.upper()), None),
           ("header", name.upper(), None),
           ("header", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None),
           ("header", "Độc lập - Tự do - Hạnh phúc", None),
           ("header", f"Số: {r.randint(1, 999)}/{kind_abbr}-{abbr}", None),
           ("header", f"{ctx.city}, ngày {d:02d} tháng {m:02d} năm {y}", None)]
    return out, name, sign


def _closing(ctx, name, sign):
    r = ctx.rng
    out = [("closing", "Nơi nhận:", None)]
    out += [("closing", f"- {x};", None) for x in r.sample(V.RECIPIENTS, r.randint(2, 5))]
    out.append(("closing", "- Lưu: VT.", None))
    out += [("closing", line, None) for line in sign.split("\n")]
    out.append(("closing", r.choice(V.SIGNERS), None))
    return out


def _bases(ctx):
    r = ctx.rng
    bases = list(V.BASES_REAL) + [ctx.fill(t) for t in r.sample(V.BASES_LOCAL, r.randint(0, 2))]
    return [("basis", f"Căn cứ {b};", None) for b in bases]


def plan(ctx, target, gap_at=None):
    """A plan of about `target` bytes. gap_at: index of a task number to skip."""
    r = ctx.rng
    paras, name, sign = _header(ctx, "KH")
    paras += [("title", "KẾ HOẠCH", None),
              ("title", "Tuyên truyền chính sách bảo hiểm xã hội thực hiện Quyết định số 1676/QĐ-TTg "
                        f"ngày 21/11/2019 của Thủ tướng Chính phủ trên địa bàn tỉnh {ctx.province}", None)]
    paras += _bases(ctx)
    paras.append(("para", f"{name} ban hành Kế hoạch tuyên truyền với các nội dung sau:", None))
    paras.append(("section", "I. MỤC ĐÍCH, YÊU CẦU", None))
    paras.append(("item", "Mục đích", 1))
    paras += [("sub", f"{'abc'[i]}) {t}", None) for i, t in enumerate(V.PURPOSE_ITEMS)]
    paras.append(("item", "Yêu cầu", 2))
    paras += [("sub", f"{'abc'[i]}) {t}", None) for i, t in enumerate(V.REQUIREMENT_ITEMS)]
    paras.append(("section", "II. MỤC TIÊU", None))
    paras.append(("item", "Mục tiêu chung", 1))
    paras.append(("para", "Đổi mới toàn diện nội dung, hình thức, phương pháp tuyên truyền để cán bộ, "
                          "đảng viên và nhân dân hiểu rõ lợi ích, vai trò, ý nghĩa của chính sách bảo "
                          "hiểm xã hội, hướng tới bảo hiểm xã hội toàn dân.", None))
    paras.append(("item", "Mục tiêu cụ thể", 2))
    paras += [("bullet", f"- {o}", None) for o in V.OBJECTIVES]
    paras.append(("section", "III. NHIỆM VỤ, GIẢI PHÁP", None))
    tail = [("section", "IV. LỘ TRÌNH THỰC HIỆN", None)]
    for i, (t, body) in enumerate(V.PHASES):
        tail += [("item", t, i + 1), ("para", body, None)]
    tail.append(("section", "V. TỔ CHỨC THỰC HIỆN", None))
    for i in range(r.randint(2, 4)):
        subj = ctx.fill(r.choice(V.SUBJECTS))
        tail += [("item", subj[0].upper() + subj[1:], i + 1), ("para", ctx.task_paragraph(), None)]
    tail.append(("para", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời "
                         "báo cáo để được hướng dẫn.", None))
    tail += _closing(ctx, name, sign)
    body = _grow(ctx, _size(paras) + _size(tail), target, gap_at, _plan_item)
    return paras + body + tail


def report(ctx, target, gap_at=None):
    r = ctx.rng
    paras, name, sign = _header(ctx, "BC")
    paras += [("title", "BÁO CÁO", None),
              ("title", f"Kết quả thực hiện công tác tuyên truyền bảo hiểm xã hội năm {ctx.year} theo "
                        "Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ", None)]
    paras.append(("para", f"Thực hiện Kế hoạch số {r.randint(10, 999)}/KH-UBND của Ủy ban nhân dân tỉnh "
                          f"{ctx.province}, {name} báo cáo kết quả như sau:", None))
    paras.append(("section", "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", None))
    paras.append(("para", ctx.task_paragraph(), None))
    paras.append(("section", "II. KẾT QUẢ THỰC HIỆN", None))
    tail = [("section", "III. TỒN TẠI, HẠN CHẾ", None)]
    tail += [("bullet", "- " + x, None) for x in r.sample(V.LIMITS, 3)]
    tail.append(("section", f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {ctx.year + 1}", None))
    for i, t in enumerate(r.sample(V.TASK_TITLES, r.randint(2, 4))):
        tail += [("item", t, i + 1), ("para", ctx.task_paragraph(), None)]
    tail += _closing(ctx, name, sign)
    body = _grow(ctx, _size(paras) + _size(tail), target, gap_at, _report_item)
    return paras + body + tail
