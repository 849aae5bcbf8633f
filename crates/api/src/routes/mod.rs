//! Every endpoint, declared once. `register` hands each handler to actix and, in the
//! same call, its `#[utoipa::path]` operation to the OpenAPI document, so the routing
//! table and the spec cannot list different endpoints. One action per file.
use actix_web::dev::HttpServiceFactory;
use actix_web::web;
use utoipa_actix_web::OpenApiFactory;
use utoipa_actix_web::service_config::ServiceConfig;

pub use crate::openapi::openapi_json;
pub use fallback::{RouteTable, fallback};

pub mod attachments;
pub mod audit;
pub mod auth;
pub mod branches;
pub mod catalogue;
pub mod customers;
pub mod dashboard;
pub mod defective_parts;
pub mod dispatch;
pub mod exports;
mod fallback;
pub mod fault_codes;
pub mod followups;
pub mod health;
pub mod imports;
pub mod orders;
pub mod part_sales;
pub mod partners;
pub mod parts;
pub mod purchase_orders;
pub mod reports;
pub mod rtv_shipments;
pub mod serials;
pub mod service_items;
pub mod skills;
pub mod stock;
pub mod stocktakes;
pub mod tickets;
pub mod tracking;
pub mod transfers;
pub mod users;
pub mod warehouses;
pub mod warranty;
pub mod warranty_cards;
pub mod webhooks;
pub mod workflows;

/// Registers every endpoint. actix tries resources in this order, so a literal
/// segment (`/customers/duplicates`) comes before a parameter (`/customers/{id}`)
/// where both could match.
pub fn register(cfg: &mut impl Registrar) {
    cfg.service(health::healthz)
        .service(health::readyz)
        .service(auth::login::login)
        .service(auth::refresh::refresh)
        .service(auth::logout::logout)
        .service(auth::me::me)
        .service(branches::list::list_branches)
        .service(branches::create::create_branch)
        .service(branches::get::get_branch)
        .service(branches::update::update_branch)
        .service(branches::delete::delete_branch)
        .service(users::list::list_users)
        .service(users::create::create_user)
        .service(users::get::get_user)
        .service(users::update::update_user)
        .service(partners::list::list_partners)
        .service(partners::create::create_partner)
        .service(partners::get::get_partner)
        .service(partners::update::update_partner)
        .service(partners::key_list::list_partner_api_keys)
        .service(partners::key_create::create_partner_api_key)
        .service(partners::key_revoke::revoke_partner_api_key)
        .service(webhooks::endpoints::list_webhook_endpoints)
        .service(webhooks::endpoints::create_webhook_endpoint)
        .service(webhooks::endpoints::get_webhook_endpoint)
        .service(webhooks::endpoints::update_webhook_endpoint)
        .service(webhooks::secrets::rotate_webhook_secret)
        .service(webhooks::secrets::ping_webhook_endpoint)
        .service(webhooks::deliveries::list_webhook_deliveries)
        .service(webhooks::deliveries::get_webhook_delivery)
        .service(webhooks::deliveries::replay_webhook_delivery)
        .service(orders::order::list_orders)
        .service(orders::order::create_order)
        .service(orders::order::get_order)
        .service(orders::order::change_order_status)
        .service(orders::returns::request_order_return)
        .service(orders::returns::decide_order_return)
        .service(orders::returns::list_returned_units)
        .service(customers::list::list_customers)
        .service(customers::create::create_customer)
        .service(customers::duplicates::find_duplicates)
        .service(customers::get::get_customer)
        .service(customers::update::update_customer)
        .service(customers::delete::delete_customer)
        .service(skills::list::list_skills)
        .service(skills::create::create_skill)
        .service(skills::update::update_skill)
        .service(skills::delete::delete_skill)
        .service(catalogue::brands::list::list_brands)
        .service(catalogue::brands::create::create_brand)
        .service(catalogue::brands::get::get_brand)
        .service(catalogue::brands::update::update_brand)
        .service(catalogue::brands::delete::delete_brand)
        .service(catalogue::categories::list::list_categories)
        .service(catalogue::categories::create::create_category)
        .service(catalogue::categories::get::get_category)
        .service(catalogue::categories::update::update_category)
        .service(catalogue::categories::delete::delete_category)
        .service(catalogue::categories::required_skills::get_required_skills)
        .service(catalogue::categories::set_required_skills::set_required_skills)
        .service(catalogue::models::list::list_product_models)
        .service(catalogue::models::create::create_product_model)
        .service(catalogue::models::get::get_product_model)
        .service(catalogue::models::update::update_product_model)
        .service(catalogue::models::delete::delete_product_model)
        .service(catalogue::components::list::list_components)
        .service(catalogue::components::create::create_component)
        .service(catalogue::components::get::get_component)
        .service(catalogue::components::update::update_component)
        .service(catalogue::components::delete::delete_component)
        .service(audit::list::list_audit)
        .service(warranty::list_policies::list_policies)
        .service(warranty::create_policy::create_policy)
        .service(warranty::get_policy::get_policy)
        .service(warranty::add_version::add_version)
        .service(warranty::evaluate::evaluate)
        .service(warranty_cards::list_batches::list_batches)
        .service(warranty_cards::issue_batch::issue_batch)
        .service(warranty_cards::get_card::get_card)
        .service(warranty_cards::activate::activate)
        .service(warranty_cards::void::void)
        .service(serials::list::list_serials)
        .service(serials::register::register_serial)
        .service(serials::get::get_serial)
        .service(serials::update::update_serial)
        .service(serials::change_owner::change_serial_owner)
        .service(serials::record_swap::record_component_swap)
        .service(serials::add_contract::add_serial_contract)
        .service(serials::list_contracts::list_serial_contracts)
        .service(serials::history::serial_history)
        .service(imports::list::list_imports)
        .service(imports::create::create_import)
        .service(imports::get::get_import)
        .service(exports::product_models::export_product_models)
        .service(exports::serials::export_serials)
        .service(tickets::list::list_tickets)
        .service(tickets::create::create_ticket)
        .service(tickets::get::get_ticket)
        .service(tickets::update::update_ticket)
        .service(tickets::timeline::ticket_timeline)
        .service(tickets::next_steps::ticket_next_steps)
        .service(tickets::transition::transition_ticket)
        .service(tickets::reopen::reopen_ticket)
        .service(tickets::reevaluate::reevaluate_ticket_warranty)
        .service(partners::give_ticket::give_ticket_to_partner)
        .service(workflows::list::list_workflows)
        .service(workflows::get::get_workflow)
        .service(workflows::put::put_workflow)
        .service(workflows::settings::get_ticket_settings)
        .service(workflows::settings::put_ticket_settings)
        .service(tracking::track::track_ticket)
        .service(tracking::qr::ticket_qr_svg)
        .service(tracking::qr::ticket_qr_png)
        .service(tracking::receipt::ticket_receipt)
        .service(attachments::list::list_ticket_attachments)
        .service(attachments::upload::upload_ticket_attachment)
        .service(attachments::download::download_ticket_attachment)
        .service(followups::script::callback_script)
        .service(followups::list_callbacks::list_callbacks)
        .service(followups::get_callback::get_ticket_callback)
        .service(followups::record_callback::record_ticket_callback)
        .service(followups::open_complaint::open_complaint)
        .service(followups::list_complaints::list_complaints)
        .service(followups::get_complaint::get_complaint)
        .service(followups::resolve_complaint::resolve_complaint)
        .service(tickets::labour::list::list_ticket_labour)
        .service(tickets::labour::add::add_ticket_labour)
        .service(tickets::labour::remove::remove_ticket_labour)
        .service(fault_codes::list::list_fault_codes)
        .service(fault_codes::create::create_fault_code)
        .service(fault_codes::get::get_fault_code)
        .service(fault_codes::update::update_fault_code)
        .service(fault_codes::delete::delete_fault_code)
        .service(service_items::list::list_service_items)
        .service(service_items::create::create_service_item)
        .service(service_items::get::get_service_item)
        .service(service_items::update::update_service_item)
        .service(service_items::delete::delete_service_item)
        .service(tickets::dispatch::dispatch_ticket)
        .service(dispatch::board::dispatch_board)
        .service(dashboard::summary::dashboard)
        .service(stock::balances::list_stock)
        .service(stock::movements::list_stock_movements)
        .service(stock::receive::receive_stock)
        .service(stock::issue::issue_stock)
        .service(part_sales::list::list_part_sales)
        .service(part_sales::create::create_part_sale)
        .service(part_sales::get::get_part_sale)
        .service(stocktakes::list::list_stocktakes)
        .service(stocktakes::open::open_stocktake)
        .service(stocktakes::get::get_stocktake)
        .service(stocktakes::counts::count_stocktake)
        .service(stocktakes::post::post_stocktake)
        .service(stocktakes::cancel::cancel_stocktake)
        .service(transfers::list::list_transfers)
        .service(transfers::create::create_transfer)
        .service(transfers::get::get_transfer)
        .service(transfers::ship::ship_transfer)
        .service(transfers::receive::receive_transfer)
        .service(transfers::close::close_transfer)
        .service(purchase_orders::list::list_purchase_orders)
        .service(purchase_orders::create::create_purchase_order)
        .service(purchase_orders::get::get_purchase_order)
        .service(purchase_orders::update::update_purchase_order)
        .service(purchase_orders::order::order_purchase_order)
        .service(purchase_orders::receive::receive_purchase_order)
        .service(purchase_orders::cancel::cancel_purchase_order)
        .service(tickets::parts::list::list_ticket_parts)
        .service(tickets::parts::reserve::reserve_ticket_parts)
        .service(tickets::parts::release::release_ticket_parts)
        .service(tickets::parts::issue::issue_ticket_parts)
        .service(tickets::parts::outcome::record_ticket_parts_outcome)
        .service(defective_parts::list::list_defective_parts)
        .service(defective_parts::overdue::defective_parts_overdue_by_technician)
        .service(defective_parts::receive::receive_defective_part)
        .service(defective_parts::scrap::scrap_defective_part)
        .service(rtv_shipments::list::list_rtv_shipments)
        .service(rtv_shipments::create::create_rtv_shipment)
        .service(rtv_shipments::get::get_rtv_shipment)
        .service(rtv_shipments::ship::ship_rtv_shipment)
        .service(rtv_shipments::acknowledge::acknowledge_rtv_shipment)
        .service(parts::list::list_parts)
        .service(parts::create::create_part)
        .service(parts::get::get_part)
        .service(parts::update::update_part)
        .service(warehouses::list::list_warehouses)
        .service(warehouses::create::create_warehouse)
        .service(warehouses::get::get_warehouse)
        .service(warehouses::update::update_warehouse)
        .service(reports::stock_on_hand::report_stock_on_hand)
        .service(reports::stock_on_hand::report_stock_on_hand_xlsx)
        .service(reports::stock_movements::report_stock_movements)
        .service(reports::stock_movements::report_stock_movements_xlsx)
        .service(reports::parts_used::report_parts_used)
        .service(reports::parts_used::report_parts_used_xlsx)
        .service(reports::below_reorder_point::report_below_reorder_point)
        .service(reports::below_reorder_point::report_below_reorder_point_xlsx)
        .service(reports::overdue_defective::report_overdue_defective_returns)
        .service(reports::overdue_defective::report_overdue_defective_returns_xlsx)
        .service(reports::ticket_volume::report_ticket_volume)
        .service(reports::ticket_volume::report_ticket_volume_xlsx);
}

/// `register` for a plain actix `App`: the server serves the document built once
/// by `crate::openapi::document`, so its workers register the handlers alone.
pub fn configure(cfg: &mut web::ServiceConfig) {
    register(&mut HandlersOnly(cfg));
}

/// Where `register` hands each endpoint: the OpenAPI builder (`crate::openapi`),
/// which also collects its operation, or a server's worker, which needs only the
/// handler. Collecting every operation in every worker cost each worker about
/// 20 MB that the allocator then kept.
pub trait Registrar {
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self;
}

impl Registrar for ServiceConfig<'_> {
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self {
        ServiceConfig::service(self, factory)
    }
}

/// A worker's routing table, without the operations.
struct HandlersOnly<'a>(&'a mut web::ServiceConfig);

impl Registrar for HandlersOnly<'_> {
    fn service<F: HttpServiceFactory + OpenApiFactory + 'static>(&mut self, factory: F) -> &mut Self {
        self.0.service(factory);
        self
    }
}
