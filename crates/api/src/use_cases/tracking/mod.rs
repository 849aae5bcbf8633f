//! Following a ticket: the public tracking page's data (no sign-in), and for staff
//! the tracking link as a QR code and the printable intake receipt that carries it.
pub mod qr;
pub mod receipt;
pub mod track;
