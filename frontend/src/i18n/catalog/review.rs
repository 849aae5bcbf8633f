//! Looking at a ticket again (its page's review section): the warranty decided
//! anew, and reopening a closed ticket.

use super::Area;

pub const AREA: Area = Area {
    en: &[
        ("review.title", "Warranty and reopening"),
        ("review.reevaluate", "Decide the warranty again with today's facts"),
        ("review.unchanged", "The warranty decision is unchanged."),
        ("review.changed", "The warranty was decided again; what changed:"),
        ("review.reopen_reason", "Why the ticket is reopened"),
        ("review.reopen", "Reopen the ticket"),
    ],
    vi: &[
        ("review.title", "Bảo hành và mở lại"),
        ("review.reevaluate", "Xét lại bảo hành theo dữ liệu hôm nay"),
        ("review.unchanged", "Kết luận bảo hành không thay đổi."),
        ("review.changed", "Bảo hành đã được xét lại; những điểm thay đổi:"),
        ("review.reopen_reason", "Lý do mở lại phiếu"),
        ("review.reopen", "Mở lại phiếu"),
    ],
    fa: &[
        ("review.title", "گارانتی و بازگشایی"),
        ("review.reevaluate", "بررسی دوباره گارانتی با اطلاعات امروز"),
        ("review.unchanged", "نتیجه گارانتی تغییری نکرد."),
        ("review.changed", "گارانتی دوباره بررسی شد؛ تغییرات:"),
        ("review.reopen_reason", "دلیل بازگشایی پذیرش"),
        ("review.reopen", "بازگشایی پذیرش"),
    ],
    zh: &[
        ("review.title", "保修与重新打开"),
        ("review.reevaluate", "按今天的信息重新判定保修"),
        ("review.unchanged", "保修判定没有变化。"),
        ("review.changed", "保修已重新判定，变化如下："),
        ("review.reopen_reason", "重新打开工单的原因"),
        ("review.reopen", "重新打开工单"),
    ],
};
