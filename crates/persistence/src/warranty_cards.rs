//! Warranty card batches and the cards in them.
use aftersales_domain::warranty_cards::{CardStatus, card_number};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use uuid::Uuid;

use crate::entities::{warranty_card_batches as batches, warranty_cards as cards};
use crate::{StoreError, fetch_size};

/// Cards written per statement when a batch is issued.
const CHUNK: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardBatch {
    pub id: Uuid,
    pub brand_id: Uuid,
    pub prefix: String,
    pub first_sequence: u32,
    pub count: u32,
    pub note: Option<String>,
    pub issued_at: DateTime<Utc>,
}

impl CardBatch {
    pub fn first_number(&self) -> String {
        card_number(&self.prefix, self.first_sequence)
    }

    pub fn last_number(&self) -> String {
        card_number(&self.prefix, self.first_sequence + self.count.saturating_sub(1))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub number: String,
    pub batch_id: Uuid,
    pub brand_id: Uuid,
    pub status: CardStatus,
    pub serial_id: Option<Uuid>,
    pub activated_on: Option<NaiveDate>,
}

fn batch_out(b: batches::Model) -> CardBatch {
    CardBatch {
        id: b.id,
        brand_id: b.brand_id,
        prefix: b.prefix,
        first_sequence: u32::try_from(b.first_sequence).unwrap_or(0),
        count: u32::try_from(b.count).unwrap_or(0),
        note: b.note,
        issued_at: b.issued_at,
    }
}

/// Issues `count` cards numbered after the last card ever issued with `prefix`.
pub async fn issue_batch(
    db: &impl ConnectionTrait,
    brand_id: Uuid,
    prefix: &str,
    count: u32,
    note: Option<String>,
    issued_by: Option<Uuid>,
    now: DateTime<Utc>,
) -> Result<CardBatch, StoreError> {
    let last = cards::Entity::find()
        .filter(cards::Column::Prefix.eq(prefix))
        .order_by_desc(cards::Column::Sequence)
        .one(db)
        .await?
        .map_or(0, |c| c.sequence);
    let first = last + 1;
    let count_i32 = i32::try_from(count).unwrap_or(i32::MAX);
    let batch = batches::ActiveModel {
        id: Set(Uuid::now_v7()),
        brand_id: Set(brand_id),
        prefix: Set(prefix.to_owned()),
        first_sequence: Set(first),
        count: Set(count_i32),
        note: Set(note),
        issued_at: Set(now),
        issued_by: Set(issued_by),
    }
    .insert(db)
    .await?;
    let sequences: Vec<i32> = (first..first.saturating_add(count_i32)).collect();
    for chunk in sequences.chunks(CHUNK) {
        let rows = chunk.iter().map(|seq| cards::ActiveModel {
            number: Set(card_number(prefix, u32::try_from(*seq).unwrap_or(0))),
            batch_id: Set(batch.id),
            prefix: Set(prefix.to_owned()),
            sequence: Set(*seq),
            status: Set(CardStatus::Issued.as_str().to_owned()),
            serial_id: Set(None),
            activated_on: Set(None),
            changed_at: Set(now),
        });
        cards::Entity::insert_many(rows).exec(db).await.map_err(|e| {
            StoreError::from(e).explain_conflict("another batch with this prefix was issued at the same time")
        })?;
    }
    Ok(batch_out(batch))
}

pub async fn list_batches(
    db: &impl ConnectionTrait,
    brand_id: Option<Uuid>,
    after_id: Option<Uuid>,
    limit: u32,
) -> Result<Vec<CardBatch>, StoreError> {
    let mut query = batches::Entity::find();
    if let Some(brand) = brand_id {
        query = query.filter(batches::Column::BrandId.eq(brand));
    }
    if let Some(after) = after_id {
        query = query.filter(batches::Column::Id.gt(after));
    }
    let rows = query.order_by_asc(batches::Column::Id).limit(fetch_size(limit)).all(db).await?;
    Ok(rows.into_iter().map(batch_out).collect())
}

pub async fn find(db: &impl ConnectionTrait, number: &str) -> Result<Card, StoreError> {
    let card = cards::Entity::find_by_id(number.to_owned()).one(db).await?.ok_or(StoreError::NotFound)?;
    let batch = batches::Entity::find_by_id(card.batch_id).one(db).await?.ok_or(StoreError::NotFound)?;
    let status = CardStatus::parse(&card.status)
        .ok_or_else(|| StoreError::Corrupt(format!("card {} has status '{}'", card.number, card.status)))?;
    Ok(Card {
        number: card.number,
        batch_id: card.batch_id,
        brand_id: batch.brand_id,
        status,
        serial_id: card.serial_id,
        activated_on: card.activated_on,
    })
}

/// Moves a card from `from` to `to`; `false` when it was no longer in `from`
/// (someone else activated or voided it meanwhile).
pub async fn change_status(
    db: &impl ConnectionTrait,
    number: &str,
    from: CardStatus,
    to: CardStatus,
    serial: Option<(Uuid, NaiveDate)>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let mut update = cards::Entity::update_many()
        .col_expr(cards::Column::Status, Expr::value(to.as_str()))
        .col_expr(cards::Column::ChangedAt, Expr::value(now));
    if let Some((serial_id, on)) = serial {
        update = update
            .col_expr(cards::Column::SerialId, Expr::value(serial_id))
            .col_expr(cards::Column::ActivatedOn, Expr::value(on));
    }
    let result = update
        .filter(cards::Column::Number.eq(number))
        .filter(cards::Column::Status.eq(from.as_str()))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
