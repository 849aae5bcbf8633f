//! One count sheet of the caller's part of the network.
use aftersales_api_types::stocktakes::StocktakeDto;
use aftersales_domain::access::Permission;
use aftersales_persistence::DatabaseConnection;
use uuid::Uuid;

use super::{stocktake_out, visible};
use crate::auth::Principal;
use crate::error::ApiError;

/// Per part what was expected at opening, what was counted, what is on hand now
/// (at posting, once posted), the variance and its value at the moving-average
/// cost. Another branch's sheet is 404.
pub async fn get(db: &DatabaseConnection, me: &Principal, id: Uuid) -> Result<StocktakeDto, ApiError> {
    me.require(Permission::ViewStock)?;
    let sheet = visible(db, me, id).await?;
    stocktake_out(db, &sheet).await
}
