//! Checking every row of a file against the import rules and the catalogue, without
//! writing anything: the same pass serves the dry run and the real import.
use std::collections::HashSet;

use aftersales_domain::imports::{Cell, ColumnMap, ImportKind, RowError, SeenInFile, product_model_row, serial_row};
use aftersales_persistence::ConnectionTrait;
use aftersales_persistence::catalogue::bulk::CatalogueIndex;
use aftersales_persistence::catalogue::models::NewModel;
use aftersales_persistence::serials::bulk::{taken_cards, taken_serials};
use aftersales_persistence::serials::{NewUnit, UnitFacts};
use uuid::Uuid;

use crate::error::ApiError;

/// What a file would store, row by row, and what is wrong with it.
pub struct Checker<'a> {
    kind: ImportKind,
    map: ColumnMap,
    index: &'a CatalogueIndex,
    pub errors: Vec<RowError>,
    skus: SeenInFile<(Uuid, String)>,
    serials: SeenInFile<(Uuid, String)>,
    cards: SeenInFile<String>,
    pub models: Vec<(u64, NewModel)>,
    pub units: Vec<(u64, NewUnit)>,
}

impl<'a> Checker<'a> {
    pub fn new(kind: ImportKind, header: &[Cell], index: &'a CatalogueIndex) -> Result<Self, Vec<RowError>> {
        let names: Vec<String> = header
            .iter()
            .map(|c| match c {
                Cell::Text(s) => s.clone(),
                _ => String::new(),
            })
            .collect();
        let map = ColumnMap::from_header(kind, &names)?;
        Ok(Checker {
            kind,
            map,
            index,
            errors: Vec::new(),
            skus: SeenInFile::new(),
            serials: SeenInFile::new(),
            cards: SeenInFile::new(),
            models: Vec::new(),
            units: Vec::new(),
        })
    }

    fn brand(&mut self, row: u64, code: &str) -> Option<Uuid> {
        let id = self.index.brands.get(&code.to_uppercase()).copied();
        if id.is_none() {
            self.errors.push(RowError::new(row, Some("brand_code"), format!("no brand has the code '{code}'")));
        }
        id
    }

    pub fn row(&mut self, row: u64, cells: &[Cell]) {
        match self.kind {
            ImportKind::ProductModels => self.model_row(row, cells),
            ImportKind::Serials => self.serial_row(row, cells),
        }
    }

    fn model_row(&mut self, row: u64, cells: &[Cell]) {
        let r = match product_model_row(row, cells, &self.map) {
            Ok(r) => r,
            Err(errors) => return self.errors.extend(errors),
        };
        let brand_id = self.brand(row, &r.brand_code);
        let category_id = self.index.categories.get(&r.category_code.to_uppercase()).copied();
        if category_id.is_none() {
            let message = format!("no product category has the code '{}'", r.category_code);
            self.errors.push(RowError::new(row, Some("category_code"), message));
        }
        let (Some(brand_id), Some(category_id)) = (brand_id, category_id) else { return };
        if let Some(first) = self.skus.check((brand_id, r.sku.clone()), row) {
            let message = format!("SKU {} of brand {} is also on row {first}", r.sku, r.brand_code);
            return self.errors.push(RowError::new(row, Some("sku"), message));
        }
        if self.index.models.contains_key(&(brand_id, r.sku.clone())) {
            let message = format!("brand {} already has a model with SKU {}", r.brand_code, r.sku);
            return self.errors.push(RowError::new(row, Some("sku"), message));
        }
        let new =
            NewModel { brand_id, category_id, sku: r.sku, name: r.name, needs_installation: r.needs_installation };
        self.models.push((row, new));
    }

    fn serial_row(&mut self, row: u64, cells: &[Cell]) {
        let r = match serial_row(row, cells, &self.map) {
            Ok(r) => r,
            Err(errors) => return self.errors.extend(errors),
        };
        let Some(brand_id) = self.brand(row, &r.brand_code) else { return };
        let Some(model_id) = self.index.models.get(&(brand_id, r.sku.clone())).copied() else {
            let message = format!("brand {} has no model with SKU {}", r.brand_code, r.sku);
            return self.errors.push(RowError::new(row, Some("sku"), message));
        };
        let mut ok = true;
        if let Some(first) = self.serials.check((brand_id, r.serial_key.clone()), row) {
            let message = format!("serial {} of brand {} is also on row {first}", r.serial, r.brand_code);
            self.errors.push(RowError::new(row, Some("serial"), message));
            ok = false;
        }
        if let Some(card) = &r.warranty_card_number
            && let Some(first) = self.cards.check(card.clone(), row)
        {
            let message = format!("warranty card {card} is also on row {first}");
            self.errors.push(RowError::new(row, Some("warranty_card_number"), message));
            ok = false;
        }
        if !ok {
            return;
        }
        let facts = UnitFacts {
            lot: r.lot,
            manufacture_date: r.manufacture_date,
            sale_date: r.sale_date,
            sale_document: r.sale_document,
            seller: r.seller,
            delivery_date: r.delivery_date,
            installation_date: r.installation_date,
            warranty_card_number: r.warranty_card_number,
            ..Default::default()
        };
        let unit =
            NewUnit { id: Uuid::now_v7(), brand_id, model_id, serial: r.serial, serial_key: r.serial_key, facts };
        self.units.push((row, unit));
    }

    /// Rows whose serial or warranty card is already registered (product models
    /// were checked against the preloaded index already).
    pub async fn against_database(&mut self, db: &impl ConnectionTrait) -> Result<(), ApiError> {
        if self.units.is_empty() {
            return Ok(());
        }
        let brands: HashSet<Uuid> = self.units.iter().map(|(_, u)| u.brand_id).collect();
        let taken = taken_serials(db, brands.into_iter().collect()).await?;
        let cards: Vec<String> = self.units.iter().filter_map(|(_, u)| u.facts.warranty_card_number.clone()).collect();
        let taken_cards = taken_cards(db, cards).await?;
        for (row, unit) in &self.units {
            if taken.contains(&(unit.brand_id, unit.serial_key.clone())) {
                let message = format!("serial {} is already registered for this brand", unit.serial);
                self.errors.push(RowError::new(*row, Some("serial"), message));
            }
            if let Some(card) = &unit.facts.warranty_card_number
                && taken_cards.contains(card)
            {
                let message = format!("warranty card {card} is already on another unit");
                self.errors.push(RowError::new(*row, Some("warranty_card_number"), message));
            }
        }
        Ok(())
    }
}
