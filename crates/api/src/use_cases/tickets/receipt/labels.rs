//! The fixed words of the printed receipt in each language the app speaks.
use aftersales_api_types::users::Locale;
use aftersales_domain::tickets::{TicketKind, WarrantyStatus};

pub struct Labels {
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    pub title: &'static str,
    pub number: &'static str,
    pub received_on: &'static str,
    pub kind: &'static str,
    pub customer: &'static str,
    pub phone: &'static str,
    pub model: &'static str,
    pub serial: &'static str,
    pub faults: &'static str,
    pub accessories: &'static str,
    pub condition: &'static str,
    pub warranty: &'static str,
    pub expected_on: &'static str,
    pub tracking: &'static str,
    pub track_hint: &'static str,
    pub customer_signature: &'static str,
    pub received_by: &'static str,
    /// Repair, installation, maintenance, return or exchange.
    kinds: [&'static str; 4],
    /// Covered, partial, not covered, unknown.
    statuses: [&'static str; 4],
    /// Parts, labour, travel.
    pub legs: [&'static str; 3],
    pub covered: &'static str,
    pub not_covered: &'static str,
    pub until: &'static str,
    /// Before the day a lapsed cover ended.
    pub ended: &'static str,
}

impl Labels {
    pub fn kind_name(&self, kind: TicketKind) -> &'static str {
        match kind {
            TicketKind::Repair => self.kinds[0],
            TicketKind::Installation => self.kinds[1],
            TicketKind::Maintenance => self.kinds[2],
            TicketKind::ReturnExchange => self.kinds[3],
        }
    }

    pub fn status_name(&self, status: WarrantyStatus) -> &'static str {
        match status {
            WarrantyStatus::Covered => self.statuses[0],
            WarrantyStatus::Partial => self.statuses[1],
            WarrantyStatus::NotCovered => self.statuses[2],
            WarrantyStatus::Unknown => self.statuses[3],
        }
    }
}

pub fn labels(lang: Locale) -> &'static Labels {
    match lang {
        Locale::En => &EN,
        Locale::Vi => &VI,
        Locale::Fa => &FA,
        Locale::Zh => &ZH,
    }
}

static EN: Labels = Labels {
    dir: "ltr",
    title: "Service receipt",
    number: "Ticket number",
    received_on: "Received on",
    kind: "Service",
    customer: "Customer",
    phone: "Phone",
    model: "Model",
    serial: "Serial number",
    faults: "Reported fault",
    accessories: "Accessories received",
    condition: "Condition on receipt",
    warranty: "Warranty",
    expected_on: "Expected ready",
    tracking: "Tracking code",
    track_hint: "Scan the code or open the link to follow your service.",
    customer_signature: "Customer's signature",
    received_by: "Received by",
    kinds: ["Repair", "Installation", "Maintenance", "Return / exchange"],
    statuses: [
        "Covered by warranty (parts and labour)",
        "Partly covered by warranty",
        "Not covered by warranty",
        "Warranty not determined",
    ],
    legs: ["Parts", "Labour", "Travel"],
    covered: "covered",
    not_covered: "not covered",
    until: "until",
    ended: "ended on",
};

static VI: Labels = Labels {
    dir: "ltr",
    title: "Phiếu tiếp nhận dịch vụ",
    number: "Số phiếu",
    received_on: "Ngày tiếp nhận",
    kind: "Loại dịch vụ",
    customer: "Khách hàng",
    phone: "Điện thoại",
    model: "Model",
    serial: "Số serial",
    faults: "Tình trạng lỗi",
    accessories: "Phụ kiện kèm theo",
    condition: "Tình trạng khi nhận",
    warranty: "Bảo hành",
    expected_on: "Ngày hẹn trả",
    tracking: "Mã tra cứu",
    track_hint: "Quét mã hoặc mở đường dẫn để theo dõi tiến độ.",
    customer_signature: "Chữ ký khách hàng",
    received_by: "Người nhận",
    kinds: ["Sửa chữa", "Lắp đặt", "Bảo dưỡng", "Đổi trả"],
    statuses: [
        "Được bảo hành (linh kiện và công)",
        "Bảo hành một phần",
        "Không được bảo hành",
        "Chưa xác định bảo hành",
    ],
    legs: ["Linh kiện", "Tiền công", "Phí đi lại"],
    covered: "được bảo hành",
    not_covered: "không được bảo hành",
    until: "đến",
    ended: "hết hạn ngày",
};

static FA: Labels = Labels {
    dir: "rtl",
    title: "رسید پذیرش خدمات",
    number: "شماره پذیرش",
    received_on: "تاریخ پذیرش",
    kind: "نوع خدمت",
    customer: "مشتری",
    phone: "تلفن",
    model: "مدل",
    serial: "شماره سریال",
    faults: "ایراد اعلام‌شده",
    accessories: "لوازم همراه",
    condition: "وضعیت دستگاه هنگام پذیرش",
    warranty: "گارانتی",
    expected_on: "تاریخ تقریبی آماده شدن",
    tracking: "کد پیگیری",
    track_hint: "برای پیگیری، کد را اسکن کنید یا پیوند را باز کنید.",
    customer_signature: "امضای مشتری",
    received_by: "تحویل‌گیرنده",
    kinds: ["تعمیر", "نصب", "سرویس دوره‌ای", "مرجوعی / تعویض"],
    statuses: ["مشمول گارانتی (قطعه و اجرت)", "مشمول بخشی از گارانتی", "خارج از گارانتی", "وضعیت گارانتی نامشخص"],
    legs: ["قطعه", "اجرت", "ایاب و ذهاب"],
    covered: "مشمول",
    not_covered: "غیرمشمول",
    until: "تا",
    ended: "پایان اعتبار در",
};

static ZH: Labels = Labels {
    dir: "ltr",
    title: "服务受理单",
    number: "工单号",
    received_on: "受理日期",
    kind: "服务类型",
    customer: "客户",
    phone: "电话",
    model: "型号",
    serial: "序列号",
    faults: "故障描述",
    accessories: "随机附件",
    condition: "接收时状况",
    warranty: "保修",
    expected_on: "预计完成日期",
    tracking: "查询码",
    track_hint: "扫描二维码或打开链接查看服务进度。",
    customer_signature: "客户签字",
    received_by: "接待人",
    kinds: ["维修", "安装", "保养", "退换货"],
    statuses: ["在保（配件和人工）", "部分在保", "不在保", "保修状态未确定"],
    legs: ["配件", "人工", "上门"],
    covered: "在保",
    not_covered: "不在保",
    until: "至",
    ended: "到期日",
};
