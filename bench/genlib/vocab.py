"""Word lists and sentence parts for the synthetic corpus.

All sentences are written for this benchmark. The only facts used are the
CONFIRMED ones from shared/domain/FACTS.md: Decision 1676/QĐ-TTg of 21/11/2019,
Resolution 28-NQ/TW of 23/5/2018, the phases 2020-2025 and 2026-2030, May as the
campaign month, and the objective wording of Decision 1676. Local documents
(provincial plans, dispatch numbers) are fictitious and numbered at random.
"""

PROVINCES = [
    ("Khánh Hòa", "Nha Trang"), ("Quảng Nam", "Tam Kỳ"), ("Nghệ An", "Vinh"),
    ("Thanh Hóa", "Thanh Hóa"), ("Đắk Lắk", "Buôn Ma Thuột"), ("Bình Định", "Quy Nhơn"),
    ("Lâm Đồng", "Đà Lạt"), ("Phú Thọ", "Việt Trì"), ("Hà Tĩnh", "Hà Tĩnh"),
    ("Sóc Trăng", "Sóc Trăng"), ("Đồng Tháp", "Cao Lãnh"), ("Thái Bình", "Thái Bình"),
    ("Quảng Ninh", "Hạ Long"), ("Tây Ninh", "Tây Ninh"), ("Kon Tum", "Kon Tum"),
]

DISTRICTS = [
    "huyện Diên Khánh", "huyện Cam Lâm", "thị xã Ninh Hòa", "huyện Vạn Ninh", "huyện Khánh Sơn",
    "huyện Núi Thành", "huyện Thăng Bình", "thị xã Điện Bàn", "huyện Đại Lộc", "huyện Duy Xuyên",
    "huyện Quỳnh Lưu", "huyện Diễn Châu", "thị xã Cửa Lò", "huyện Nghi Lộc", "huyện Yên Thành",
    "huyện Krông Pắc", "huyện Ea Kar", "thị xã Buôn Hồ", "huyện Cư M'gar", "huyện Lắk",
]

AGENCIES = [
    ("Ủy ban nhân dân tỉnh {p}", "UBND", "UBND TỈNH {P}", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"),
    ("Sở Lao động - Thương binh và Xã hội", "SLĐTBXH", "UBND TỈNH {P}", "GIÁM ĐỐC"),
    ("Sở Thông tin và Truyền thông", "STTTT", "UBND TỈNH {P}", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
    ("Bảo hiểm xã hội tỉnh {p}", "BHXH", "BẢO HIỂM XÃ HỘI VIỆT NAM", "GIÁM ĐỐC"),
    ("Sở Tài nguyên và Môi trường", "STNMT", "UBND TỈNH {P}", "GIÁM ĐỐC"),
    ("Sở Y tế", "SYT", "UBND TỈNH {P}", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"),
]

SIGNERS = [
    "Nguyễn Văn Hùng", "Trần Thị Minh Nguyệt", "Lê Quang Đạo", "Phạm Thị Thu Hà",
    "Võ Đình Khoa", "Đặng Thị Hồng Nhung", "Huỳnh Tấn Phát", "Bùi Văn Đức",
]

# Legal bases. The first two are the real documents (FACTS.md, CONFIRMED);
# the others are local and fictitious, with random numbers filled in.
BASES_REAL = [
    "Nghị quyết số 28-NQ/TW ngày 23/5/2018 của Hội nghị lần thứ bảy Ban Chấp hành Trung ương "
    "khóa XII về cải cách chính sách bảo hiểm xã hội",
    "Quyết định số 1676/QĐ-TTg ngày 21/11/2019 của Thủ tướng Chính phủ phê duyệt Đề án đổi mới "
    "toàn diện nội dung, hình thức và phương pháp tuyên truyền bảo hiểm xã hội",
]
BASES_LOCAL = [
    "Kế hoạch số {n}/KH-UBND ngày {d}/{m}/{y} của Ủy ban nhân dân tỉnh {p} về tuyên truyền "
    "chính sách bảo hiểm xã hội trên địa bàn tỉnh",
    "Chương trình hành động số {n}-CTr/TU ngày {d}/{m}/{y} của Tỉnh ủy {p} thực hiện Nghị quyết "
    "số 28-NQ/TW",
    "Công văn số {n}/BHXH-TT ngày {d}/{m}/{y} của Bảo hiểm xã hội tỉnh {p} về công tác truyền thông",
]

SUBJECTS = [
    "Bảo hiểm xã hội {dist}", "Phòng Văn hóa và Thông tin {dist}", "Ủy ban nhân dân {dist}",
    "Liên đoàn Lao động {dist}", "Đoàn Thanh niên {dist}", "Hội Nông dân {dist}",
    "Hội Liên hiệp Phụ nữ {dist}", "Trung tâm Văn hóa - Thể thao {dist}", "các cơ quan, đơn vị",
    "các xã, phường, thị trấn", "Đài Phát thanh và Truyền hình tỉnh", "Báo {p}",
]
VERBS = [
    "chủ trì, phối hợp tổ chức", "tăng cường", "đẩy mạnh", "duy trì thường xuyên", "triển khai",
    "rà soát, cập nhật", "lồng ghép nội dung tuyên truyền vào", "xây dựng và phát hành",
    "thực hiện", "phối hợp biên tập",
]
OBJECTS = [
    "các hội nghị đối thoại chính sách bảo hiểm xã hội với người lao động",
    "các buổi tuyên truyền trực tiếp tại khu dân cư và chợ đầu mối",
    "chuyên mục hỏi đáp về bảo hiểm xã hội tự nguyện trên đài truyền thanh cơ sở",
    "đoạn phim ngắn giới thiệu quyền lợi khi tham gia bảo hiểm xã hội trên mạng xã hội",
    "tờ gấp, áp phích về bảo hiểm thất nghiệp và bảo hiểm y tế hộ gia đình",
    "tin, bài phản ánh gương điển hình trong thực hiện chính sách bảo hiểm xã hội",
    "lớp tập huấn nghiệp vụ cho đội ngũ tuyên truyền viên ở cơ sở",
    "các cuộc thi tìm hiểu pháp luật về bảo hiểm xã hội dành cho đoàn viên, hội viên",
    "trang thông tin điện tử với mục giải đáp vướng mắc của người dân",
    "hoạt động tư vấn, vận động người dân tham gia bảo hiểm xã hội tự nguyện",
    "việc thông tin kịp thời những điểm mới của chính sách bảo hiểm xã hội",
    "kênh tiếp nhận phản ánh, kiến nghị của doanh nghiệp về thủ tục hành chính",
    "công tác kiểm tra việc đóng bảo hiểm xã hội tại các doanh nghiệp",
    "các hình thức tuyên truyền hiện đại dựa trên nền tảng công nghệ",
]
PURPOSES = [
    "nhằm nâng cao nhận thức của người dân về quyền lợi khi tham gia",
    "để người lao động khu vực phi chính thức hiểu rõ lợi ích của bảo hiểm xã hội tự nguyện",
    "góp phần hoàn thành chỉ tiêu phát triển đối tượng tham gia của Nghị quyết số 28-NQ/TW",
    "hướng tới mục tiêu bảo hiểm xã hội toàn dân",
    "tạo sự đồng thuận trong quá trình sửa đổi, hoàn thiện chính sách bảo hiểm xã hội",
    "giúp doanh nghiệp thực hiện đúng trách nhiệm đóng bảo hiểm cho người lao động",
    "kịp thời phát hiện và xử lý khủng hoảng truyền thông",
]
TIMES = [
    "trong quý {q} năm {y}", "hằng tháng", "hằng quý",
    "trong Tháng vận động triển khai bảo hiểm xã hội toàn dân (tháng 5 hằng năm)",
    "trước ngày {d}/{m}/{y}", "trong năm {y}", "thường xuyên trong cả giai đoạn",
]
RESULT_SENTENCES = [
    "Trong năm {y}, {subj} đã tổ chức {a} hội nghị với {b} lượt người tham dự.",
    "Số người tham gia bảo hiểm xã hội tự nguyện trên địa bàn {dist} đạt {c} người, tăng {pct}% so với cùng kỳ.",
    "{subj} đã phát hành {c} tờ gấp và {a} áp phích tuyên truyền về chính sách bảo hiểm xã hội.",
    "Đài truyền thanh {dist} phát {b} lượt tin, bài về bảo hiểm xã hội và bảo hiểm y tế.",
    "Tỷ lệ lực lượng lao động trong độ tuổi tham gia bảo hiểm xã hội của {dist} đạt {pct}%.",
    "Có {a} doanh nghiệp được kiểm tra, trong đó {small} doanh nghiệp chậm đóng đã được nhắc nhở.",
    "{subj} đã thực hiện {a} buổi đối thoại trực tiếp, giải đáp {b} câu hỏi của người lao động.",
]
LIMITS = [
    "Một số đơn vị chưa quan tâm đúng mức đến công tác tuyên truyền, còn làm theo hình thức.",
    "Nội dung tuyên truyền ở cơ sở chưa phong phú, chưa phù hợp với từng nhóm đối tượng.",
    "Kinh phí dành cho hoạt động tuyên truyền còn hạn chế, chưa đáp ứng yêu cầu.",
    "Đội ngũ tuyên truyền viên ở cấp xã còn mỏng và thường xuyên thay đổi.",
    "Việc ứng dụng mạng xã hội trong tuyên truyền chưa được khai thác hết tiềm năng.",
]
PURPOSE_ITEMS = [
    "Quán triệt sâu sắc chủ trương của Đảng, chính sách của Nhà nước về cải cách bảo hiểm xã hội.",
    "Đổi mới toàn diện nội dung, hình thức và phương pháp tuyên truyền, bảo đảm thiết thực, hiệu quả.",
    "Nâng cao trách nhiệm của các cấp, các ngành trong công tác tuyên truyền bảo hiểm xã hội.",
]
REQUIREMENT_ITEMS = [
    "Công tác tuyên truyền phải được thực hiện thường xuyên, liên tục, phù hợp với từng nhóm đối tượng.",
    "Phối hợp chặt chẽ giữa các cơ quan, đơn vị; phân công rõ trách nhiệm của từng đơn vị.",
    "Bám sát các chỉ tiêu, lộ trình đã đề ra; định kỳ sơ kết, đánh giá kết quả thực hiện.",
]
# Objectives of Decision 1676 as reported (FACTS.md §1.2, CONFIRMED).
OBJECTIVES = [
    "Đến năm 2025, phấn đấu 100% cán bộ, đảng viên, người lao động được tuyên truyền về những nội "
    "dung cải cách của chính sách bảo hiểm xã hội.",
    "Đến năm 2030, phấn đấu 100% cán bộ, đảng viên, người lao động được tuyên truyền, phổ biến những "
    "nội dung của chính sách bảo hiểm xã hội mới.",
    "Đến năm 2025, phấn đấu 100% nội dung tuyên truyền phù hợp với định hướng cải cách chính sách "
    "bảo hiểm xã hội theo từng giai đoạn.",
]
PHASES = [
    ("Giai đoạn 2020 - 2025", "Đẩy mạnh tuyên truyền nhằm hoàn thành các chỉ tiêu phát triển đối tượng "
     "tham gia bảo hiểm xã hội; tạo sự đồng thuận trong quá trình sửa đổi, hoàn thiện pháp luật."),
    ("Giai đoạn 2026 - 2030", "Tiếp tục đẩy mạnh tuyên truyền, tập trung vào những chính sách mới để "
     "các nhóm đối tượng hiểu đầy đủ quyền và lợi ích khi tham gia bảo hiểm xã hội."),
]
TASK_TITLES = [
    "Tăng cường lãnh đạo, chỉ đạo công tác thông tin, tuyên truyền",
    "Đổi mới nội dung tuyên truyền",
    "Đa dạng hóa hình thức tuyên truyền",
    "Lấy tháng 5 là tháng vận động triển khai bảo hiểm xã hội toàn dân",
    "Nâng cao chất lượng đội ngũ tuyên truyền viên",
    "Giám sát, đánh giá kết quả tuyên truyền",
    "Phòng tránh và xử lý kịp thời khủng hoảng truyền thông",
    "Phối hợp với các cơ quan báo chí",
    "Ứng dụng công nghệ thông tin trong tuyên truyền",
]
RECIPIENTS = [
    "Bảo hiểm xã hội Việt Nam", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh",
    "Chủ tịch, các PCT UBND tỉnh", "Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố",
]
