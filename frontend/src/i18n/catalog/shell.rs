//! The frame around the pages: the sign-in-again dialog and the toast area.

use super::Area;

pub const AREA: Area = Area {
    en: &[
        ("branch_switcher.label", "Working in"),
        ("branch_switcher.all", "All my branches"),
        ("reauth.title", "Your session has ended"),
        ("reauth.text", "Type your password to go on. Nothing on this page is lost."),
        ("reauth.continue", "Sign in and go on"),
        ("reauth.done", "Signed in again. Carry on where you were."),
        ("toast.dismiss", "Dismiss"),
    ],
    vi: &[
        ("branch_switcher.label", "Đang làm việc tại"),
        ("branch_switcher.all", "Tất cả chi nhánh của tôi"),
        ("reauth.title", "Phiên làm việc đã hết hạn"),
        ("reauth.text", "Nhập mật khẩu để tiếp tục. Dữ liệu trên trang này không bị mất."),
        ("reauth.continue", "Đăng nhập và tiếp tục"),
        ("reauth.done", "Đã đăng nhập lại. Hãy tiếp tục công việc."),
        ("toast.dismiss", "Đóng"),
    ],
    fa: &[
        ("branch_switcher.label", "محل کار"),
        ("branch_switcher.all", "همه شعبه‌های من"),
        ("reauth.title", "نشست شما به پایان رسیده است"),
        ("reauth.text", "برای ادامه گذرواژه خود را وارد کنید. چیزی از این صفحه از دست نمی‌رود."),
        ("reauth.continue", "ورود و ادامه"),
        ("reauth.done", "دوباره وارد شدید. از همان‌جا ادامه دهید."),
        ("toast.dismiss", "بستن"),
    ],
    zh: &[
        ("branch_switcher.label", "当前网点"),
        ("branch_switcher.all", "我的全部网点"),
        ("reauth.title", "您的会话已过期"),
        ("reauth.text", "请输入密码以继续。本页内容不会丢失。"),
        ("reauth.continue", "登录并继续"),
        ("reauth.done", "已重新登录，请继续之前的操作。"),
        ("toast.dismiss", "关闭"),
    ],
};
