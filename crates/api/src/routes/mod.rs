//! Every endpoint, registered with actix and listed in the OpenAPI document, side
//! by side so that one cannot be added without the other. One action per file.
use actix_web::dev::ResourceDef;
use actix_web::http::Method;
use actix_web::{HttpRequest, HttpResponse, web};
use utoipa::OpenApi;

use crate::error::ApiError;
use crate::openapi::ApiModifiers;
use crate::spa;
use crate::state::AppState;

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
pub mod fault_codes;
pub mod followups;
pub mod health;
pub mod imports;
pub mod part_sales;
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
pub mod workflows;

pub fn configure(cfg: &mut web::ServiceConfig) {
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
        .service(reports::overdue_defective::report_overdue_defective_returns_xlsx);
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Aftersales API",
        description = "After-sales service platform: service tickets, serials and warranties, parts, money.\n\n\
            Errors are RFC 9457 `application/problem+json` documents with a stable `code`. Lists are \
            cursor-paginated. Updates accept `If-Match` with the `ETag` you read.",
        license(name = "MIT", identifier = "MIT"),
    ),
    paths(
        health::healthz,
        health::readyz,
        auth::login::login,
        auth::refresh::refresh,
        auth::logout::logout,
        auth::me::me,
        branches::list::list_branches,
        branches::create::create_branch,
        branches::get::get_branch,
        branches::update::update_branch,
        branches::delete::delete_branch,
        users::list::list_users,
        users::create::create_user,
        users::get::get_user,
        users::update::update_user,
        customers::list::list_customers,
        customers::create::create_customer,
        customers::duplicates::find_duplicates,
        customers::get::get_customer,
        customers::update::update_customer,
        customers::delete::delete_customer,
        skills::list::list_skills,
        skills::create::create_skill,
        skills::update::update_skill,
        skills::delete::delete_skill,
        catalogue::brands::list::list_brands,
        catalogue::brands::create::create_brand,
        catalogue::brands::get::get_brand,
        catalogue::brands::update::update_brand,
        catalogue::brands::delete::delete_brand,
        catalogue::categories::list::list_categories,
        catalogue::categories::create::create_category,
        catalogue::categories::get::get_category,
        catalogue::categories::update::update_category,
        catalogue::categories::delete::delete_category,
        catalogue::categories::required_skills::get_required_skills,
        catalogue::categories::set_required_skills::set_required_skills,
        catalogue::models::list::list_product_models,
        catalogue::models::create::create_product_model,
        catalogue::models::get::get_product_model,
        catalogue::models::update::update_product_model,
        catalogue::models::delete::delete_product_model,
        catalogue::components::list::list_components,
        catalogue::components::create::create_component,
        catalogue::components::get::get_component,
        catalogue::components::update::update_component,
        catalogue::components::delete::delete_component,
        audit::list::list_audit,
        warranty::list_policies::list_policies,
        warranty::create_policy::create_policy,
        warranty::get_policy::get_policy,
        warranty::add_version::add_version,
        warranty::evaluate::evaluate,
        warranty_cards::list_batches::list_batches,
        warranty_cards::issue_batch::issue_batch,
        warranty_cards::get_card::get_card,
        warranty_cards::activate::activate,
        warranty_cards::void::void,
        serials::list::list_serials,
        serials::register::register_serial,
        serials::get::get_serial,
        serials::update::update_serial,
        serials::change_owner::change_serial_owner,
        serials::record_swap::record_component_swap,
        serials::add_contract::add_serial_contract,
        serials::list_contracts::list_serial_contracts,
        serials::history::serial_history,
        imports::list::list_imports,
        imports::create::create_import,
        imports::get::get_import,
        exports::product_models::export_product_models,
        exports::serials::export_serials,
        tickets::list::list_tickets,
        tickets::create::create_ticket,
        tickets::get::get_ticket,
        tickets::update::update_ticket,
        tickets::timeline::ticket_timeline,
        tickets::next_steps::ticket_next_steps,
        tickets::transition::transition_ticket,
        tickets::reopen::reopen_ticket,
        tickets::reevaluate::reevaluate_ticket_warranty,
        workflows::list::list_workflows,
        workflows::get::get_workflow,
        workflows::put::put_workflow,
        workflows::settings::get_ticket_settings,
        workflows::settings::put_ticket_settings,
        tracking::track::track_ticket,
        tracking::qr::ticket_qr_svg,
        tracking::qr::ticket_qr_png,
        tracking::receipt::ticket_receipt,
        attachments::list::list_ticket_attachments,
        attachments::upload::upload_ticket_attachment,
        attachments::download::download_ticket_attachment,
        followups::script::callback_script,
        followups::list_callbacks::list_callbacks,
        followups::get_callback::get_ticket_callback,
        followups::record_callback::record_ticket_callback,
        followups::open_complaint::open_complaint,
        followups::list_complaints::list_complaints,
        followups::get_complaint::get_complaint,
        followups::resolve_complaint::resolve_complaint,
        tickets::labour::list::list_ticket_labour,
        tickets::labour::add::add_ticket_labour,
        tickets::labour::remove::remove_ticket_labour,
        fault_codes::list::list_fault_codes,
        fault_codes::create::create_fault_code,
        fault_codes::get::get_fault_code,
        fault_codes::update::update_fault_code,
        fault_codes::delete::delete_fault_code,
        service_items::list::list_service_items,
        service_items::create::create_service_item,
        service_items::get::get_service_item,
        service_items::update::update_service_item,
        service_items::delete::delete_service_item,
        tickets::dispatch::dispatch_ticket,
        dispatch::board::dispatch_board,
        dashboard::summary::dashboard,
        stock::balances::list_stock,
        stock::movements::list_stock_movements,
        stock::receive::receive_stock,
        stock::issue::issue_stock,
        part_sales::list::list_part_sales,
        part_sales::create::create_part_sale,
        part_sales::get::get_part_sale,
        stocktakes::list::list_stocktakes,
        stocktakes::open::open_stocktake,
        stocktakes::get::get_stocktake,
        stocktakes::counts::count_stocktake,
        stocktakes::post::post_stocktake,
        stocktakes::cancel::cancel_stocktake,
        transfers::list::list_transfers,
        transfers::create::create_transfer,
        transfers::get::get_transfer,
        transfers::ship::ship_transfer,
        transfers::receive::receive_transfer,
        transfers::close::close_transfer,
        purchase_orders::list::list_purchase_orders,
        purchase_orders::create::create_purchase_order,
        purchase_orders::get::get_purchase_order,
        purchase_orders::update::update_purchase_order,
        purchase_orders::order::order_purchase_order,
        purchase_orders::receive::receive_purchase_order,
        purchase_orders::cancel::cancel_purchase_order,
        tickets::parts::list::list_ticket_parts,
        tickets::parts::reserve::reserve_ticket_parts,
        tickets::parts::release::release_ticket_parts,
        tickets::parts::issue::issue_ticket_parts,
        tickets::parts::outcome::record_ticket_parts_outcome,
        defective_parts::list::list_defective_parts,
        defective_parts::overdue::defective_parts_overdue_by_technician,
        defective_parts::receive::receive_defective_part,
        defective_parts::scrap::scrap_defective_part,
        rtv_shipments::list::list_rtv_shipments,
        rtv_shipments::create::create_rtv_shipment,
        rtv_shipments::get::get_rtv_shipment,
        rtv_shipments::ship::ship_rtv_shipment,
        rtv_shipments::acknowledge::acknowledge_rtv_shipment,
        parts::list::list_parts,
        parts::create::create_part,
        parts::get::get_part,
        parts::update::update_part,
        warehouses::list::list_warehouses,
        warehouses::create::create_warehouse,
        warehouses::get::get_warehouse,
        warehouses::update::update_warehouse,
        reports::stock_on_hand::report_stock_on_hand,
        reports::stock_on_hand::report_stock_on_hand_xlsx,
        reports::stock_movements::report_stock_movements,
        reports::stock_movements::report_stock_movements_xlsx,
        reports::parts_used::report_parts_used,
        reports::parts_used::report_parts_used_xlsx,
        reports::below_reorder_point::report_below_reorder_point,
        reports::below_reorder_point::report_below_reorder_point_xlsx,
        reports::overdue_defective::report_overdue_defective_returns,
        reports::overdue_defective::report_overdue_defective_returns_xlsx,
    ),
    tags(
        (name = "auth", description = "Sign in, refresh, sign out"),
        (name = "branches", description = "The service network: head office, regional centres, outlets"),
        (name = "users", description = "People who sign in, their roles and skills"),
        (name = "customers", description = "Individuals and companies the network serves, found in any script"),
        (name = "skills", description = "The catalogue of technician skills"),
        (name = "catalogue", description = "The product catalogue: brands, product categories, product models and their components"),
        (name = "audit", description = "The append-only record of changes"),
        (name = "warranty", description = "Warranty policies and the entitlement decision"),
        (name = "serials", description = "The registry of sold units: serials, owners, swapped parts, contracts and history"),
        (name = "service-catalogue", description = "Per product category: the symptom, diagnosis and resolution code lists, and the priced service catalogue labour lines are taken from"),
        (name = "imports", description = "Bulk import of product models and sold serials from CSV or XLSX, and export to XLSX"),
        (name = "tickets", description = "Service tickets: intake, details, stage transitions, timeline, warranty snapshot"),
        (name = "workflows", description = "Ticket workflows per kind (stages, guarded steps) and the ticket desk's settings"),
        (name = "tracking", description = "Public ticket tracking for customers, by the code on their receipt, without signing in"),
        (name = "followups", description = "After the work: the callback to the customer and complaints"),
        (name = "dispatch", description = "Sending technicians to tickets, and the dispatch board"),
        (name = "stock", description = "Stock on hand per warehouse, its append-only ledger, receiving and issuing parts, counter sales of parts, stocktakes, the old parts technicians owe back, and their return to the manufacturer"),
        (name = "transfers", description = "Stock moving between warehouses: drafted, shipped all at once, received in part or in full, what never arrived written down"),
        (name = "purchasing", description = "Purchase orders to suppliers and manufacturers, received into a warehouse at the ordered cost"),
        (name = "parts", description = "Spare parts: the parts catalogue and the warehouses parts are kept in (central, regional, outlet, technician van, defective)"),
        (name = "reports", description = "Stock reports over your branches' warehouses (stock on hand, movements over a period, parts used for tickets, parts below their reorder point, old parts owed past their due time), as JSON or, at the same path with `.xlsx`, as a workbook"),
        (name = "operations", description = "Health and readiness"),
    ),
    modifiers(&ApiModifiers),
)]
pub struct ApiDoc;

/// The OpenAPI document as served and committed.
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_default()
}

/// Path templates and their methods, to answer a wrong method with 405 and `Allow`.
pub struct RouteTable(Vec<(ResourceDef, Vec<Method>)>);

impl RouteTable {
    pub fn from_spec() -> Self {
        let spec = ApiDoc::openapi();
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let mut methods = Vec::new();
                let candidates = [
                    (item.get.is_some(), Method::GET),
                    (item.post.is_some(), Method::POST),
                    (item.put.is_some(), Method::PUT),
                    (item.patch.is_some(), Method::PATCH),
                    (item.delete.is_some(), Method::DELETE),
                ];
                for (present, method) in candidates {
                    if present {
                        methods.push(method);
                    }
                }
                let (template, constrained) = constrain_enums(path, item);
                (constrained, ResourceDef::new(template), methods)
            })
            .collect::<Vec<_>>();
        // `/imports/{kind}` (an enum) must be tried before `/imports/{id}`.
        let (first, rest): (Vec<_>, Vec<_>) = routes.into_iter().partition(|(constrained, ..)| *constrained);
        RouteTable(first.into_iter().chain(rest).map(|(_, def, methods)| (def, methods)).collect())
    }

    /// The spec lists paths in lexical order, so a literal segment
    /// (`/warranty-cards/batches`) is tried before a parameter (`/warranty-cards/{number}`):
    /// `{` sorts after every letter and digit.
    fn allowed(&self, path: &str) -> Option<&[Method]> {
        self.0.iter().find(|(def, _)| def.is_match(path)).map(|(_, m)| m.as_slice())
    }
}

/// The path template with each path parameter that is an enum narrowed to its
/// values (`{kind:(product_models|serials)}`), and whether any was.
fn constrain_enums(path: &str, item: &utoipa::openapi::PathItem) -> (String, bool) {
    use utoipa::openapi::{RefOr, Schema};
    let mut template = path.to_owned();
    let mut constrained = false;
    let operations = [&item.get, &item.post, &item.put, &item.patch, &item.delete];
    let params = operations.into_iter().flatten().filter_map(|op| op.parameters.as_ref()).flatten();
    for param in params {
        let RefOr::T(param) = param else { continue };
        let Some(RefOr::T(Schema::Object(object))) = &param.schema else { continue };
        let Some(values) = &object.enum_values else { continue };
        let names: Vec<&str> = values.iter().filter_map(|v| v.as_str()).collect();
        let plain = format!("{{{}}}", param.name);
        if !names.is_empty() && template.contains(&plain) {
            template = template.replace(&plain, &format!("{{{}:({})}}", param.name, names.join("|")));
            constrained = true;
        }
    }
    (template, constrained)
}

/// Anything no route took: a wrong method on a known path (405), the web app
/// (GET outside `/api`), or an unknown route (404).
pub async fn fallback(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    if let Some(methods) = state.routes.allowed(req.path())
        && !methods.contains(req.method())
    {
        let allow: Vec<&str> = methods.iter().map(Method::as_str).collect();
        return Err(ApiError::MethodNotAllowed { method: req.method().to_string(), allow: allow.join(", ") });
    }
    let is_api = req.path() == "/api" || req.path().starts_with("/api/");
    if !is_api
        && (req.method() == Method::GET || req.method() == Method::HEAD)
        && let Some(response) = spa::serve(&req, &state.config.static_dir).await
    {
        return Ok(response);
    }
    Err(ApiError::RouteNotFound(format!("{} {}", req.method(), req.path())))
}
