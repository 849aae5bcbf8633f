//! The frame around the pages: the sign-in-again dialog and the toast area.

use super::Area;

pub const AREA: Area = Area {
    en: &[
        ("reauth.title", "Your session has ended"),
        ("reauth.text", "Type your password to go on. Nothing on this page is lost."),
        ("reauth.continue", "Sign in and go on"),
        ("reauth.done", "Signed in again. Carry on where you were."),
        ("toast.dismiss", "Dismiss"),
    ],
    vi: &[
        ("reauth.title", "Phiên làm việc đã hết hạn"),
        ("reauth.text", "Nhập mật khẩu để tiếp tục. Dữ liệu trên trang này không bị mất."),
        ("reauth.continue", "Đăng nhập và tiếp tục"),
        ("reauth.done", "Đã đăng nhập lại. Hãy tiếp tục công việc."),
        ("toast.dismiss", "Đóng"),
    ],
    fa: &[
        ("reauth.title", "نشست شما به پایان رسیده است"),
        ("reauth.text", "برای ادامه گذرواژه خود را وارد کنید. چیزی از این صفحه از دست نمی‌رود."),
        ("reauth.continue", "ورود و ادامه"),
        ("reauth.done", "دوباره وارد شدید. از همان‌جا ادامه دهید."),
        ("toast.dismiss", "بستن"),
    ],
    zh: &[
        ("reauth.title", "您的会话已过期"),
        ("reauth.text", "请输入密码以继续。本页内容不会丢失。"),
        ("reauth.continue", "登录并继续"),
        ("reauth.done", "已重新登录，请继续之前的操作。"),
        ("toast.dismiss", "关闭"),
    ],
};
